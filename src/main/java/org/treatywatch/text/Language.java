package org.treatywatch.text;

import java.util.List;

/** Guesses an article's language from its letters: Hebrew, Arabic, Persian, Russian, English, or other. */
public final class Language {
    public static final String HE = "he";
    public static final String AR = "ar";
    public static final String FA = "fa";
    public static final String RU = "ru";
    public static final String EN = "en";
    public static final String OTHER = "other";
    /** The languages subscribers read and alerts are written in (templates exist for each). */
    public static final List<String> READERS = List.of(HE, AR);
    /** A reader's language until they choose (the bot's default menu is in it too). */
    public static final String DEFAULT_READER = HE;
    /** The languages a feed may be in: the readers' own, and the sources that break the news first. */
    public static final List<String> FEEDS = List.of(HE, AR, EN, RU, FA);

    private Language() {}

    public static String guess(String text) {
        if (text == null) return OTHER;
        int he = 0, ar = 0, persian = 0, cyrillic = 0, latin = 0, words = 0, articleWords = 0;
        boolean inArabicWord = false;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            Script script = Script.of(cp);
            switch (script) {
                case HEBREW -> he++;
                case ARABIC -> {
                    ar++;
                    if (persianLetter(cp)) persian++;
                    if (!inArabicWord) {
                        words++;
                        if (startsWithArticle(text, i)) articleWords++;
                    }
                }
                case CYRILLIC -> cyrillic++;
                case LATIN -> latin++;
                default -> { }
            }
            inArabicWord = script == Script.ARABIC;
            i += Character.charCount(cp);
        }
        int total = he + ar + cyrillic + latin;
        if (total == 0) return OTHER;
        if (he >= ar && he >= cyrillic && he * 3 >= total) return HE;
        // Persian has letters Arabic lacks (پ چ ژ گ, and writes ی ک), Arabic an article (ال) on every third word that
        // Persian uses only in loanwords: a name copied in Persian letters (إیران) leaves an Arabic page Arabic, and
        // Persian typed on an Arabic keyboard (ي ك) is still Persian.
        if (ar > he && ar >= cyrillic && ar * 3 >= total) return persian * 20 >= ar && articleWords * 8 < words ? FA : AR;
        if (cyrillic > he && cyrillic > ar && cyrillic * 3 >= total) return RU;
        return latin > 0 ? EN : OTHER;
    }

    /**
     * The language to read an item in: what its letters say (an Arabic item in a Persian feed is read and
     * labeled as Arabic), its feed's when the letters say nothing (digits, a bare link).
     */
    public static String settle(String declared, String guessed) {
        return guessed.equals(OTHER) && declared != null ? declared : guessed;
    }

    private static boolean persianLetter(int cp) {
        return cp == 0x06CC || cp == 0x06A9 || cp == 0x067E || cp == 0x0686 || cp == 0x0698 || cp == 0x06AF; // ی ک پ چ ژ گ
    }

    private static final char ALEF = '\u0627', LAM = '\u0644';
    private static final String PREFIXES = "\u0648\u0628\u0641\u0644"; // و ب ف ل

    // the article al-, also after و ب ف ل (wa-l-, bi-l-)
    private static boolean startsWithArticle(String text, int at) {
        int i = at;
        if (PREFIXES.indexOf(text.charAt(i)) >= 0 && i + 2 < text.length() && text.charAt(i + 1) == ALEF) i++;
        return i + 1 < text.length() && text.charAt(i) == ALEF && text.charAt(i + 1) == LAM;
    }
}
