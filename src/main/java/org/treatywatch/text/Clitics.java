package org.treatywatch.text;

import java.util.ArrayList;
import java.util.List;

/**
 * The readings of a token with its proclitics removed: וברוסיה → ברוסיה, רוסיה; والمعاهدة →
 * المعاهده, معاهده; Persian plural and ezafe endings too (روس‌ها → روس); a Russian word and its
 * marked stem ({@link RussianStems}). Callers keep a reading only if their lexicon knows it, so
 * stripping is never trusted on its own (ברית is not רית unless a lexicon says רית is a word).
 */
public final class Clitics {
    private static final String HEBREW_PREFIX_LETTERS = "והבלמשכ";
    // Longest first; "لل" is ل + ال with the alef dropped (للاتفاقية).
    private static final String[] ARABIC_PREFIXES = {
        "وبال", "وكال", "وفال", "ولل", "فلل", "وال", "فال", "بال", "كال", "لل", "ال",
        "وب", "ول", "وك", "فب", "فل", "فك", "و", "ف", "ب", "ل", "ك", "س"
    };
    // Persian plural (ها, های) and the ezafe or indefinite ای/یی after a vowel, as normalized (ی → ي)
    private static final String[] PERSIAN_SUFFIXES = {"هاي", "ها", "اي", "يي"};
    private static final int MIN_STEM = 2;
    // the letters a Persian word ends in when it ends in a vowel, as normalized: ا و ه ي
    private static final String VOWEL_ENDINGS = "\u0627\u0648\u0647\u064A";

    private Clitics() {}

    private static final int CACHE_LIMIT = 200_000;
    private static final java.util.concurrent.ConcurrentHashMap<String, List<String>> CACHE = new java.util.concurrent.ConcurrentHashMap<>();

    /** The token itself, then every reading with a proclitic removed, least stripped first. */
    public static List<String> readings(String token) {
        List<String> cached = CACHE.get(token);
        if (cached != null) return cached;
        if (CACHE.size() > CACHE_LIMIT) CACHE.clear(); // news vocabulary is small; a rare reset is cheaper than LRU bookkeeping
        List<String> computed = List.copyOf(compute(token));
        CACHE.put(token, computed);
        return computed;
    }

    private static List<String> compute(String token) {
        List<String> out = new ArrayList<>(4);
        out.add(token);
        if (token.isEmpty()) return out;
        char first = token.charAt(0);
        if (first >= '\u05D0' && first <= '\u05EA') {
            // Hebrew prefix chains are at most three letters (וכש, ומה, שלכ...).
            for (int len = 1; len <= 3 && token.length() - len >= MIN_STEM; len++) {
                if (HEBREW_PREFIX_LETTERS.indexOf(token.charAt(len - 1)) < 0) break;
                out.add(token.substring(len));
            }
        } else if (first >= '\u0620' && first <= '\u06FF') {
            for (String p : ARABIC_PREFIXES) {
                if (token.startsWith(p) && token.length() - p.length() >= MIN_STEM) {
                    String stem = token.substring(p.length());
                    if (!out.contains(stem)) out.add(stem);
                }
            }
            for (String suffix : PERSIAN_SUFFIXES) {
                if (token.endsWith(suffix) && token.length() - suffix.length() > MIN_STEM) {
                    String stem = token.substring(0, token.length() - suffix.length());
                    // the ezafe or indefinite ای/یی follows a vowel (روسیه‌ای, آمریکایی): after a consonant the
                    // letters are the word's own (روسای "heads" is no روس "Russian")
                    if (suffix.length() == 2 && suffix.charAt(0) != '\u0647' && VOWEL_ENDINGS.indexOf(stem.charAt(stem.length() - 1)) < 0) break;
                    if (!out.contains(stem)) out.add(stem);
                    break;
                }
            }
            out.sort((a, b) -> b.length() - a.length());
        } else if (RussianStems.isCyrillic(token)) {
            out.add(RussianStems.stem(token));
        }
        return out;
    }
}
