package org.treatywatch.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.h2.store.fs.FilePath;
import org.h2.store.fs.FilePathWrapper;

/**
 * A disk that fills up on demand, for H2: {@code jdbc:h2:full:/some/dir/db} is an ordinary file
 * database until {@link #fill} is called for its folder; from then on every write fails as it does
 * on a full disk ("No space left on device"), until {@link #free}.
 */
public final class FullDisk extends FilePathWrapper {
    private static final Set<Path> FULL = ConcurrentHashMap.newKeySet();

    static {
        FilePath.register(new FullDisk());
    }

    /**
     * The JDBC URL of an H2 database in this folder, on this disk. It writes at once, as {@link Db#open}
     * sets for {@code jdbc:h2:file:} databases (this URL is not one): with H2's default delay a failed
     * write is retried in the background instead of closing the database.
     */
    public static String url(Path dir, String name) {
        return "jdbc:h2:full:" + dir.toAbsolutePath().resolve(name) + ";WRITE_DELAY=0";
    }

    public static void fill(Path dir) {
        FULL.add(dir.toAbsolutePath());
    }

    public static void free(Path dir) {
        FULL.remove(dir.toAbsolutePath());
    }

    @Override
    public String getScheme() {
        return "full";
    }

    @Override
    public FileChannel open(String mode) throws IOException {
        Path file = Path.of(getBase().toString()).toAbsolutePath();
        return new Channel(getBase().open(mode), file);
    }

    private static final class Channel extends FileChannel {
        private final FileChannel disk;
        private final Path file;

        Channel(FileChannel disk, Path file) {
            this.disk = disk;
            this.file = file;
        }

        private void write() throws IOException {
            for (Path dir : FULL) if (file.startsWith(dir)) throw new IOException("No space left on device");
        }

        @Override public int read(ByteBuffer b) throws IOException { return disk.read(b); }
        @Override public long read(ByteBuffer[] b, int off, int len) throws IOException { return disk.read(b, off, len); }
        @Override public int read(ByteBuffer b, long pos) throws IOException { return disk.read(b, pos); }
        @Override public int write(ByteBuffer b) throws IOException { write(); return disk.write(b); }
        @Override public long write(ByteBuffer[] b, int off, int len) throws IOException { write(); return disk.write(b, off, len); }
        @Override public int write(ByteBuffer b, long pos) throws IOException { write(); return disk.write(b, pos); }
        @Override public long position() throws IOException { return disk.position(); }
        @Override public FileChannel position(long p) throws IOException { disk.position(p); return this; }
        @Override public long size() throws IOException { return disk.size(); }
        @Override public FileChannel truncate(long size) throws IOException { write(); disk.truncate(size); return this; }
        @Override public void force(boolean metaData) throws IOException { disk.force(metaData); }
        @Override public long transferTo(long pos, long n, WritableByteChannel to) throws IOException { return disk.transferTo(pos, n, to); }
        @Override public long transferFrom(ReadableByteChannel from, long pos, long n) throws IOException { write(); return disk.transferFrom(from, pos, n); }
        @Override public MappedByteBuffer map(MapMode mode, long pos, long size) throws IOException { return disk.map(mode, pos, size); }
        @Override public FileLock lock(long pos, long size, boolean shared) throws IOException { return disk.lock(pos, size, shared); }
        @Override public FileLock tryLock(long pos, long size, boolean shared) throws IOException { return disk.tryLock(pos, size, shared); }
        @Override protected void implCloseChannel() throws IOException { disk.close(); }
    }
}
