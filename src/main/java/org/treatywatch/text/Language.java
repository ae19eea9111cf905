package org.treatywatch.text;

/** Guesses an article's language from its letters: Hebrew, Arabic, English, or other. */
public final class Language {
    public static final String HE = "he";
    public static final String AR = "ar";
    public static final String EN = "en";
    public static final String OTHER = "other";
    /** The languages subscribers read and alerts are written in (templates exist for each). */
    public static final java.util.List<String> READERS = java.util.List.of(HE, AR);
    /** A reader's language until they choose (the bot's default menu is in it too). */
    public static final String DEFAULT_READER = HE;
    /** The languages a feed may be in. */
    public static final java.util.List<String> FEEDS = java.util.List.of(HE, AR, EN);

    private Language() {}

    public static String guess(String text) {
        if (text == null) return OTHER;
        int he = 0, ar = 0, latin = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            switch (Script.of(cp)) {
                case HEBREW -> he++;
                case ARABIC -> ar++;
                case LATIN -> latin++;
                default -> { }
            }
            i += Character.charCount(cp);
        }
        int total = he + ar + latin;
        if (total == 0) return OTHER;
        if (he >= ar && he * 3 >= total) return HE;
        if (ar > he && ar * 3 >= total) return AR;
        return latin > 0 ? EN : OTHER;
    }
}
