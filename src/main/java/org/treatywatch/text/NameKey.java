package org.treatywatch.text;

/**
 * A loose key for names transliterated into Hebrew or Arabic, where outlets disagree on vowel
 * letters and on near consonants: פזשכיאן/פזשכיין, לריג'אני/לאריג'ני, بيلوسوف/بلاوسوف,
 * עראקצ'י/ערקצ'י. Vowel letters after the first letter are dropped and Persian-sounding
 * consonant pairs folded (ק→כ, ט→ת, ح→ه ...). Only names are matched this way: common words
 * would collide (אשרה is "visa", not אישרה).
 */
public final class NameKey {
    /** Shorter keys collide too easily; such names are matched by their listed spellings only. */
    public static final int MIN_LENGTH = 4;

    private NameKey() {}

    private static final int CACHE_LIMIT = 200_000;
    private static final java.util.concurrent.ConcurrentHashMap<String, String> CACHE = new java.util.concurrent.ConcurrentHashMap<>();

    /** The key of one normalized token, or "" when it is too short to be trusted or not Hebrew/Arabic. */
    public static String of(String token) {
        String cached = CACHE.get(token);
        if (cached != null) return cached;
        if (CACHE.size() > CACHE_LIMIT) CACHE.clear(); // news vocabulary is small; a rare reset beats LRU bookkeeping
        String key = compute(token);
        CACHE.put(token, key);
        return key;
    }

    private static String compute(String token) {
        if (token.isEmpty()) return "";
        char first = token.charAt(0);
        boolean hebrew = first >= '\u05D0' && first <= '\u05EA';
        boolean arabic = first >= '\u0620' && first <= '\u06FF';
        if (!hebrew && !arabic) return "";
        StringBuilder out = new StringBuilder(token.length());
        out.append(fold(first));
        for (int i = 1; i < token.length(); i++) {
            char c = token.charAt(i);
            if (vowelLetter(c) || c == '\'' || c == '"') continue;
            char f = fold(c);
            if (out.charAt(out.length() - 1) != f) out.append(f); // doubled letters (מוסקווה) count once
        }
        return out.length() >= MIN_LENGTH ? out.toString() : "";
    }

    private static boolean vowelLetter(char c) {
        return c == 'א' || c == 'ו' || c == 'י' || c == 'ע' || c == 'ا' || c == 'و' || c == 'ي' || c == 'ء' || c == 'ع';
    }

    private static char fold(char c) {
        return switch (c) {
            case 'ק' -> 'כ';
            case 'ט' -> 'ת';
            case 'ח' -> 'כ';
            case 'ך' -> 'כ';
            case 'ם' -> 'מ';
            case 'ן' -> 'נ';
            case 'ף' -> 'פ';
            case 'ץ' -> 'צ';
            case 'ق' -> 'ك';
            case 'غ' -> 'ك';
            case 'ط' -> 'ت';
            case 'ح' -> 'ه';
            case 'ث', 'ص' -> 'س';
            case 'ذ', 'ض', 'ظ' -> 'ز';
            default -> c;
        };
    }
}
