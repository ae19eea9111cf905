package org.treatywatch.text;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Repairs UTF-8 that was read as windows-1256 or windows-1252 inside otherwise good text
 * (بيزشكغŒان → بيزشكیان, Ø±ÙˆØ³ÙŠØ§ → روسيا). A run is replaced only when its bytes form valid
 * UTF-8 and every repaired character is a Hebrew or Arabic letter, so real Arabic is left alone.
 */
public final class Mojibake {
    private static final Charset[] WRONG = { Charset.forName("windows-1256"), Charset.forName("windows-1252") };

    private Mojibake() {}

    public static String repair(String text) {
        if (text == null || text.isEmpty()) return text;
        String current = text;
        for (Charset wrong : WRONG) current = repairWith(current, wrong);
        return current;
    }

    private static String repairWith(String text, Charset wrong) {
        CharsetEncoder enc = wrong.newEncoder();
        StringBuilder out = new StringBuilder(text.length());
        int i = 0;
        int lastRepairedAt = -1;
        boolean changed = false;
        while (i < text.length()) {
            char c = text.charAt(i);
            int need = c < 0x80 ? 0 : leadLength(encodeOne(enc, c));
            if (need > 1 && i + need <= text.length()) {
                String candidate = text.substring(i, i + need);
                String fixed = decodeIfValid(enc, candidate);
                if (fixed != null && !looksLikePunctuation(text, i, need, changed && lastRepairedAt == i)) {
                    out.append(fixed);
                    i += need;
                    changed = true;
                    lastRepairedAt = i;
                    continue;
                }
            }
            out.append(c);
            i++;
        }
        return changed ? out.toString() : text;
    }

    /**
     * "ط،" is either a hamza misread or a real ط followed by a comma. In real text the comma is
     * followed by a space; inside a misread word the pair sits between other misread pairs.
     */
    private static boolean looksLikePunctuation(String text, int at, int len, boolean afterRepair) {
        char cont = text.charAt(at + len - 1);
        if (cont != '\u060C' && cont != '\u061B' && cont != '\u061F') return false;
        boolean letterNext = at + len < text.length() && Character.isLetter(text.charAt(at + len));
        return !letterNext && !afterRepair;
    }

    /** Number of bytes a UTF-8 sequence starting with this byte has, or 0 if it is not a lead byte. */
    private static int leadLength(int b) {
        if (b < 0) return 0;
        if ((b & 0xE0) == 0xC0) return 2;
        if ((b & 0xF0) == 0xE0) return 3;
        return 0;
    }

    private static int encodeOne(CharsetEncoder enc, char c) {
        // Bytes windows-1252 leaves undefined come through as C1 controls (U+0080..U+009F).
        if (c >= '\u0080' && c <= '\u009F' && enc.charset().name().equals("windows-1252")) return c;
        if (!enc.canEncode(c)) return -1;
        try {
            ByteBuffer b = enc.reset().encode(CharBuffer.wrap(new char[] {c}));
            return b.remaining() == 1 ? b.get() & 0xFF : -1;
        } catch (CharacterCodingException e) {
            return -1;
        }
    }

    private static String decodeIfValid(CharsetEncoder enc, String candidate) {
        byte[] bytes = new byte[candidate.length()];
        for (int k = 0; k < candidate.length(); k++) {
            int b = encodeOne(enc, candidate.charAt(k));
            if (b < 0 || (k > 0 && (b & 0xC0) != 0x80)) return null;
            bytes[k] = (byte) b;
        }
        CharsetDecoder dec = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            String s = dec.decode(ByteBuffer.wrap(bytes)).toString();
            return s.length() == 1 && isRtlLetter(s.charAt(0)) ? s : null;
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    private static boolean isRtlLetter(char c) {
        return (c >= '\u05D0' && c <= '\u05EA') || (c >= '\u0621' && c <= '\u064A')
                || c == '\u06CC' || c == '\u06A9' || c == '\u067E' || c == '\u0686' || c == '\u0698'
                || c == '\u06AF';
    }
}
