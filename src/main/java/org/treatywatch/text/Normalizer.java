package org.treatywatch.text;

/**
 * Folds text into the form used for matching; the displayed text keeps its original form.
 * Arabic: no tashkeel or tatweel, one alef, ى→ي, ة→ه, Persian ی/ک → ي/ك. Hebrew: no niqqud,
 * one geresh and one gershayim, maqaf → space. Russian: ё → е. Digits → ASCII, Latin and Cyrillic lower-cased.
 */
public final class Normalizer {
    private static final com.ibm.icu.text.Normalizer2 NFKC = com.ibm.icu.text.Normalizer2.getNFKCInstance();
    private static final char DROP = '\u0000';
    /** fold() and isDropped() for every UTF-16 unit, computed once: matching is on the hot path. */
    private static final char[] FOLDED = new char[65536];

    static {
        for (int c = 0; c < FOLDED.length; c++) FOLDED[c] = c == 0 || isDropped((char) c) ? DROP : fold((char) c);
    }

    private Normalizer() {}

    public static String forMatching(String text) {
        if (text == null || text.isEmpty()) return "";
        // Most news text is already NFKC; checking is much cheaper than normalizing.
        String nfkc = NFKC.spanQuickCheckYes(text) == text.length() ? text : NFKC.normalize(text);
        char[] out = new char[nfkc.length()];
        int n = 0;
        for (int i = 0; i < nfkc.length(); i++) {
            char m = FOLDED[nfkc.charAt(i)];
            if (m != DROP) out[n++] = m;
        }
        return new String(out, 0, n);
    }

    /** Marks that carry no meaning for matching: bidi controls, zero-width, diacritics, tatweel. */
    static boolean isDropped(char c) {
        return (c >= '\u200B' && c <= '\u200F') || (c >= '\u202A' && c <= '\u202E')
                || (c >= '\u2060' && c <= '\u2069') || c == '\uFEFF' || c == '\u061C' || c == '\u00AD'
                || (c >= '\u064B' && c <= '\u065F') || c == '\u0670' || (c >= '\u06D6' && c <= '\u06ED')
                || c == '\u0640'
                || (c >= '\u0591' && c <= '\u05BD') || c == '\u05BF' || c == '\u05C1' || c == '\u05C2'
                || c == '\u05C4' || c == '\u05C5' || c == '\u05C7';
    }

    static char fold(char c) {
        switch (c) {
            case '\u0623': case '\u0625': case '\u0622': case '\u0671': return '\u0627'; // alef forms
            case '\u0649': case '\u06CC': case '\u06D0': case '\u0626': return '\u064A'; // ى ی ې ئ → ي
            case '\u0629': case '\u06C0': case '\u06C1': case '\u06D5': return '\u0647'; // ة ۀ ہ ە → ه
            case '\u06A9': case '\u06AA': return '\u0643';                               // ک → ك
            case '\u0624': return '\u0648';                                              // ؤ → و
            case '\u067E': return '\u0628';                                              // پ → ب
            case '\u0686': return '\u062C';                                              // چ → ج
            case '\u0698': return '\u0632';                                              // ژ → ز
            case '\u06AF': return '\u0643';                                              // گ → ك
            case '\u05BE': return ' ';                                                   // maqaf
            case '\u0451': case '\u0401': return '\u0435';                             // ё → е (Russian writes both)
            case '\u05F3': case '\u2019': case '\u2018': case '`': case '\u00B4': return '\'';
            case '\u05F4': case '\u201C': case '\u201D': case '\u201E': return '"';
            default:
                if (c >= '\u0660' && c <= '\u0669') return (char) ('0' + (c - '\u0660'));
                if (c >= '\u06F0' && c <= '\u06F9') return (char) ('0' + (c - '\u06F0'));
                return Character.toLowerCase(c);
        }
    }
}
