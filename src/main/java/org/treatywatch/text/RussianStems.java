package org.treatywatch.text;

import org.apache.lucene.analysis.ru.RussianLightStemmer;

/**
 * Russian words without their case and number endings (России, Россией, Россию → росси), so a
 * lexicon lists one form of a Russian word. Lucene's light stemmer: endings only, no roots cut.
 */
public final class RussianStems {
    /** Marks a stem among a token's readings: a stem only matches another stem, never a listed word. */
    public static final char MARK = '~';
    private static final RussianLightStemmer STEMMER = new RussianLightStemmer();

    private RussianStems() {}

    public static boolean isCyrillic(String token) {
        return !token.isEmpty() && token.charAt(0) >= '\u0400' && token.charAt(0) <= '\u04FF';
    }

    /** The marked stem of a normalized (lower-case) Cyrillic token. */
    public static String stem(String token) {
        char[] chars = token.toCharArray();
        int length = STEMMER.stem(chars, chars.length);
        return MARK + new String(chars, 0, length);
    }
}
