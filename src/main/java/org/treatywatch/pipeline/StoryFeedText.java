package org.treatywatch.pipeline;

/**
 * What the stories' Atom feed may carry. One character XML 1.0 cannot hold (a C0 control, a lone
 * surrogate, U+FFFE) makes the whole document unwritable, so every string is cleaned before it
 * reaches the XML writer; text that comes from outlets (titles, names, links) also loses the hidden
 * controls that reorder or disguise it, as feed and page text does on the way in.
 */
final class StoryFeedText {
    private StoryFeedText() {}

    /** Without the characters XML 1.0 forbids; everything else as it is (our templates' own isolates stay). */
    static String xmlSafe(String s) {
        if (s == null) return "";
        if (allowed(s, false)) return s;
        return filter(s, false);
    }

    /** An outlet's text on one line: XML-safe, without bidi, zero-width, C1 and other invisible controls (ZWNJ and ZWJ stay). */
    static String plain(String s) {
        if (s == null) return "";
        if (allowed(s, true)) return s;
        return filter(s, true).strip();
    }

    private static boolean allowed(String s, boolean plain) {
        for (int i = 0; i < s.length(); ) {
            int c = s.codePointAt(i);
            if (!keep(c, plain) || (plain && lineBreak(c))) return false;
            i += Character.charCount(c);
        }
        return true;
    }

    private static String filter(String s, boolean plain) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); ) {
            int c = s.codePointAt(i);
            if (plain && lineBreak(c)) out.append(' ');
            else if (keep(c, plain)) out.appendCodePoint(c);
            i += Character.charCount(c);
        }
        return out.toString();
    }

    private static boolean keep(int c, boolean plain) {
        // a lone surrogate comes back from codePointAt as itself, which xmlChar refuses; a pair is one code point
        return xmlChar(c) && (!plain || !hidden(c));
    }

    // XML 1.0: #x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] | [#x10000-#x10FFFF]
    private static boolean xmlChar(int c) {
        return c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD)
                || (c >= 0x10000 && c <= 0x10FFFF);
    }

    private static boolean lineBreak(int c) {
        return c == 0x9 || c == 0xA || c == 0xD || c == 0x85 || c == 0x2028 || c == 0x2029;
    }

    // Direction marks, embeddings, overrides and isolates, zero-width space, word joiner and the
    // invisible operators, deprecated format controls, Mongolian vowel separator, soft hyphen, BOM,
    // tag characters and C1 controls. ZWNJ and ZWJ are not here: Persian words and emoji need them.
    private static boolean hidden(int c) {
        return (c >= 0x7F && c <= 0x9F) || c == 0xAD || c == 0x61C || c == 0x180E || c == 0x200B || c == 0x200E || c == 0x200F
                || (c >= 0x202A && c <= 0x202E) || (c >= 0x2060 && c <= 0x206F) || c == 0xFEFF || (c >= 0xE0000 && c <= 0xE007F);
    }
}
