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
        int he = 0, ar = 0, persian = 0, arabicOnly = 0, cyrillic = 0, latin = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            switch (Script.of(cp)) {
                case HEBREW -> he++;
                case ARABIC -> {
                    ar++;
                    if (persianLetter(cp)) persian++;
                    else if (arabicOnlyLetter(cp)) arabicOnly++;
                }
                case CYRILLIC -> cyrillic++;
                case LATIN -> latin++;
                default -> { }
            }
            i += Character.charCount(cp);
        }
        int total = he + ar + cyrillic + latin;
        if (total == 0) return OTHER;
        if (he >= ar && he >= cyrillic && he * 3 >= total) return HE;
        // Persian writes ی and ک where Arabic writes ي and ك, and has پ چ ژ گ: a few Persian letters
        // inside an Arabic page (إیران, copied names) do not make it Persian, a steady share does.
        if (ar > he && ar >= cyrillic && ar * 3 >= total) return persian * 20 >= ar && persian > arabicOnly ? FA : AR;
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
        return cp == 0x06CC || cp == 0x06A9 || cp == 0x067E || cp == 0x0686 || cp == 0x0698 || cp == 0x06AF;
    }

    private static boolean arabicOnlyLetter(int cp) {
        return cp == 0x064A || cp == 0x0643 || cp == 0x0629 || cp == 0x0649;
    }
}
