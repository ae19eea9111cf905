package org.treatywatch.fetch;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.GZIPInputStream;

/**
 * A body that is itself a gzip file, as {@code sitemap.xml.gz} is usually served (no
 * Content-Encoding, often {@code application/x-gzip}): recognised by its magic bytes and unpacked,
 * up to {@link HttpFetcher#DEFAULT_MAX_BYTES} unpacked, so a small bomb cannot fill the heap.
 */
final class GzipBody {
    static final long MAX_UNPACKED = HttpFetcher.DEFAULT_MAX_BYTES;

    private GzipBody() {}

    static boolean isGzip(byte[] bytes) {
        return bytes.length >= 2 && (bytes[0] & 0xFF) == 0x1F && (bytes[1] & 0xFF) == 0x8B;
    }

    /** The unpacked bytes of a gzip body; any other body as it is. */
    static byte[] unpack(byte[] bytes) {
        if (!isGzip(bytes)) return bytes;
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes), 16384)) {
            ByteArrayOutputStream out = new ByteArrayOutputStream((int) Math.min(bytes.length * 4L, MAX_UNPACKED));
            byte[] buf = new byte[16384];
            long total = 0;
            for (int n; (n = in.read(buf)) > 0; ) {
                total += n;
                if (total > MAX_UNPACKED) {
                    throw new IllegalArgumentException("gzip body is larger than " + (MAX_UNPACKED / 1024) + " KB unpacked; not read");
                }
                out.write(buf, 0, n);
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalArgumentException("invalid gzip body: " + e.getMessage(), e);
        }
    }
}
