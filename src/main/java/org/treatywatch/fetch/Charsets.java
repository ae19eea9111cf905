package org.treatywatch.fetch;

import com.ibm.icu.text.CharsetDetector;
import com.ibm.icu.text.CharsetMatch;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns fetched bytes into text (a gzip file's after unpacking it, see {@link GzipBody}): a BOM first, then the HTTP header, then the XML prolog or HTML
 * meta; a declared charset that does not fit the bytes (UTF-8 that is not UTF-8) is replaced by
 * ICU's detection, which tells windows-1256 from windows-1255 and the ISO-8859 sets; Russian windows-1251
 * and KOI8-R are told from Arabic and Hebrew by which of them makes the high bytes letters.
 */
public final class Charsets {
    private static final Pattern HEADER_CHARSET = Pattern.compile("charset\\s*=\\s*[\"']?([\\w.:-]+)", Pattern.CASE_INSENSITIVE);
    private static final Pattern XML_ENCODING = Pattern.compile("<\\?xml[^>]*encoding\\s*=\\s*[\"']([\\w.:-]+)[\"']", Pattern.CASE_INSENSITIVE);
    private static final Pattern META_CHARSET = Pattern.compile("<meta[^>]+charset\\s*=\\s*[\"']?([\\w.:-]+)", Pattern.CASE_INSENSITIVE);
    private static final int SNIFF_BYTES = 4096;
    private static final String RUSSIAN_VOWELS = "аеёиоуыэюя";
    /** Single-byte charsets of the news this reads: Arabic and Persian, Hebrew, Russian. */
    private static final String[] SINGLE_BYTE_CHARSETS = {"windows-1256", "windows-1255", "ISO-8859-6", "ISO-8859-8", "windows-1251", "KOI8-R"};

    private Charsets() {}

    public static String decode(byte[] body, String contentType) {
        byte[] bytes = GzipBody.unpack(body); // a .gz file served as it is
        if (bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF) {
            return new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
        }
        if (bytes.length >= 2 && (bytes[0] & 0xFF) == 0xFE && (bytes[1] & 0xFF) == 0xFF) {
            return new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16BE);
        }
        if (bytes.length >= 2 && (bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == 0xFE) {
            return new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16LE);
        }
        // Text that is valid UTF-8 beyond ASCII is UTF-8 whatever it says: a page that declares windows-1251 or
        // windows-1256 in its meta but was served transcoded is common, and single-byte news text is almost never valid UTF-8.
        if (!isAscii(bytes) && isValidUtf8(bytes)) return new String(bytes, StandardCharsets.UTF_8);
        Optional<Charset> declared = fromHeader(contentType).or(() -> fromDocument(bytes));
        if (declared.isPresent()) {
            Charset cs = declared.get();
            if (!cs.equals(StandardCharsets.UTF_8) || isValidUtf8(bytes)) {
                // A page that says windows-1252/ISO-8859-1 but is really UTF-8 or Arabic is common; so is a
                // Persian page that says windows-1251: a single-byte label whose letters come out as noise yields
                // to the single-byte charset that makes them words.
                if ((!isLatin1Family(cs) || isAscii(bytes)) && !misread(bytes, cs)) return new String(bytes, cs);
            }
        }
        return new String(bytes, detect(bytes));
    }

    /** The most likely charset of undeclared bytes: UTF-8 if valid, else ICU's best guess. */
    public static Charset detect(byte[] bytes) {
        if (isValidUtf8(bytes)) return StandardCharsets.UTF_8;
        Optional<Charset> rtl = rightToLeftSingleByte(bytes);
        if (rtl.isPresent()) return rtl.get();
        CharsetDetector d = new CharsetDetector();
        d.enableInputFilter(true);
        d.setText(bytes);
        for (CharsetMatch m : d.detectAll()) {
            try {
                return Charset.forName(m.getName());
            } catch (RuntimeException ignored) {
                // a name Java lacks: try the next guess
            }
        }
        return Charset.forName("windows-1252");
    }

    /**
     * Hebrew, Arabic (Persian too) and Russian single-byte pages are easy to tell apart by what their high bytes become:
     * the right charset turns almost all of them into letters of one script. ICU alone often
     * calls a windows-1255 page Central European.
     */
    static Optional<Charset> rightToLeftSingleByte(byte[] bytes) {
        int high = 0;
        for (byte b : bytes) if (b < 0) high++;
        if (high < 20) return Optional.empty();
        Charset best = null;
        double bestShare = 0;
        for (String name : SINGLE_BYTE_CHARSETS) {
            Charset cs = Charset.forName(name);
            double share = letterShare(bytes, cs);
            if (share > bestShare) {
                bestShare = share;
                best = cs;
            }
        }
        return bestShare >= 0.8 ? Optional.of(best) : Optional.empty();
    }

    // A declared single-byte charset that turns most high bytes into anything but its own script's letters.
    private static boolean misread(byte[] bytes, Charset declared) {
        boolean singleByte = false;
        for (String name : SINGLE_BYTE_CHARSETS) singleByte |= Charset.forName(name).equals(declared);
        if (!singleByte) return false;
        Optional<Charset> best = rightToLeftSingleByte(bytes);
        return best.isPresent() && !best.get().equals(declared) && letterShare(bytes, declared) < 0.5;
    }

    /** The share of non-ASCII characters that are letters of the charset's own script. */
    private static double letterShare(byte[] bytes, Charset cs) {
        String name = cs.name();
        boolean hebrewSet = name.contains("1255") || name.endsWith("8"), cyrillicSet = name.contains("1251") || name.startsWith("KOI8");
        String s = new String(bytes, cs);
        int letters = 0, nonAscii = 0, lower = 0, vowels = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x80) continue;
            nonAscii++;
            boolean hebrew = c >= '\u05D0' && c <= '\u05EA';
            boolean cyrillic = c >= '\u0401' && c <= '\u0451';
            boolean arabic = c >= '\u0621' && c <= '\u06D3'; // Persian پ چ ژ ک گ too
            if (hebrewSet ? hebrew : cyrillicSet ? cyrillic : arabic) letters++;
            if (cyrillic && Character.isLowerCase(c)) lower++;
            if (cyrillic && RUSSIAN_VOWELS.indexOf(Character.toLowerCase(c)) >= 0) vowels++;
        }
        if (nonAscii == 0) return 0;
        // Every high byte is a Cyrillic letter in windows-1251 and KOI8-R, so any single-byte page "reads" as
        // Cyrillic there; Russian is mostly lower case with about four vowels in ten letters, noise is not.
        if (cyrillicSet && (letters == 0 || lower < 0.6 * letters || vowels < 0.3 * letters || vowels > 0.6 * letters)) return 0;
        return (double) letters / nonAscii;
    }

    static Optional<Charset> fromHeader(String contentType) {
        if (contentType == null) return Optional.empty();
        Matcher m = HEADER_CHARSET.matcher(contentType);
        return m.find() ? forName(m.group(1)) : Optional.empty();
    }

    static Optional<Charset> fromDocument(byte[] bytes) {
        String head = new String(bytes, 0, Math.min(bytes.length, SNIFF_BYTES), StandardCharsets.ISO_8859_1);
        Matcher m = XML_ENCODING.matcher(head);
        if (m.find()) return forName(m.group(1));
        m = META_CHARSET.matcher(head);
        return m.find() ? forName(m.group(1)) : Optional.empty();
    }

    private static Optional<Charset> forName(String name) {
        try {
            String n = name.toLowerCase(Locale.ROOT);
            if (n.equals("iso-8859-8-i")) n = "iso-8859-8";
            return Optional.of(Charset.forName(n));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    private static boolean isLatin1Family(Charset cs) {
        String n = cs.name().toLowerCase(Locale.ROOT);
        return n.equals("iso-8859-1") || n.equals("windows-1252") || n.equals("us-ascii");
    }

    static boolean isAscii(byte[] bytes) {
        for (byte b : bytes) if (b < 0) return false;
        return true;
    }

    static boolean isValidUtf8(byte[] bytes) {
        try {
            StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }
}
