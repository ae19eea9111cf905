package org.treatywatch.text;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Repairs UTF-8 that was read as windows-1256 or windows-1252 inside otherwise good text
 * (بيزشكغŒان → بيزشكیان, Ø±ÙˆØ³ÙŠØ§ → روسيا). A run is replaced only when its bytes form valid
 * UTF-8 and every repaired character is a Hebrew or Arabic letter, so real Arabic is left alone.
 */
public final class Mojibake {
    private static final short[] CP1256 = byteTable("windows-1256", false);
    private static final short[] CP1252 = byteTable("windows-1252", true);

    private Mojibake() {}

    public static String repair(String text) {
        if (text == null || text.isEmpty()) return text;
        return repairWith(repairWith(text, CP1256), CP1252);
    }

    /** For each char, the single byte the charset encodes it as, or -1. */
    private static short[] byteTable(String charset, boolean c1Controls) {
        short[] table = new short[65536];
        Arrays.fill(table, (short) -1);
        Charset cs = Charset.forName(charset);
        for (int b = 0x80; b <= 0xFF; b++) {
            String s = new String(new byte[] {(byte) b}, cs);
            if (s.length() == 1 && s.charAt(0) != '\uFFFD') table[s.charAt(0)] = (short) b;
            // Bytes windows-1252 leaves undefined come through as C1 controls (U+0080..U+009F).
            else if (c1Controls && b <= 0x9F) table[b] = (short) b;
        }
        return table;
    }

    private static String repairWith(String text, short[] table) {
        StringBuilder out = null;
        int i = 0;
        int lastRepairedAt = -1;
        while (i < text.length()) {
            char c = text.charAt(i);
            int need = c < 0x80 ? 0 : leadLength(table[c]);
            if (need > 1 && i + need <= text.length() && isContinuation(table[text.charAt(i + 1)])) {
                String fixed = decodeIfValid(table, text, i, need);
                if (fixed != null && !looksLikePunctuation(text, i, need, lastRepairedAt == i)) {
                    if (out == null) out = new StringBuilder(text.length()).append(text, 0, i);
                    out.append(fixed);
                    i += need;
                    lastRepairedAt = i;
                    continue;
                }
            }
            if (out != null) out.append(c);
            i++;
        }
        return out == null ? text : out.toString();
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

    private static boolean isContinuation(int b) {
        return b >= 0 && (b & 0xC0) == 0x80;
    }

    /** Number of bytes a UTF-8 sequence starting with this byte has, or 0 if it is not a lead byte. */
    private static int leadLength(int b) {
        if (b < 0) return 0;
        if ((b & 0xE0) == 0xC0) return 2;
        if ((b & 0xF0) == 0xE0) return 3;
        return 0;
    }

    private static String decodeIfValid(short[] table, String text, int at, int len) {
        byte[] bytes = new byte[len];
        for (int k = 0; k < len; k++) {
            int b = table[text.charAt(at + k)];
            if (b < 0 || (k > 0 && (b & 0xC0) != 0x80)) return null;
            bytes[k] = (byte) b;
        }
        try {
            String s = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
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
