package org.treatywatch.text;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Wraps left-to-right runs (URLs, "BRICS", "S-400", numbers with units) in Unicode first-strong
 * isolates so they do not scramble the right-to-left line around them in Telegram.
 */
public final class Bidi {
    public static final char FSI = '\u2068';
    public static final char PDI = '\u2069';
    // A URL, or Latin/digit words (inner punctuation allowed) separated by spaces; trailing
    // punctuation stays outside so it sits on the right-to-left side where it belongs.
    private static final String WORD = "[\\p{IsLatin}0-9](?:[\\p{IsLatin}0-9.,:/%+\\-_&@']*[\\p{IsLatin}0-9%])?";
    private static final Pattern LTR_RUN = Pattern.compile(
            "https?://\\S*[^\\s.,;:!?)\\]»\"]|" + WORD + "(?:\\s+" + WORD + ")*");

    private Bidi() {}

    // Direction overrides, embeddings, isolates and marks, zero-width space, word joiner and BOM: hidden
    // controls that reorder or disguise text. ZWNJ and ZWJ stay: Persian words and emoji need them.
    private static final Pattern CONTROLS = Pattern.compile("[\\u200B\\u200E\\u200F\\u202A-\\u202E\\u2060\\u2066-\\u2069\\u061C\\uFEFF]");

    /** Text from a feed or a page without hidden bidi and zero-width controls. */
    public static String stripControls(String text) {
        if (text == null) return null;
        // Most text has none: one pass over the characters is far cheaper than the regex.
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ((c >= '\u200B' && c <= '\u200F') || (c >= '\u202A' && c <= '\u202E') || (c >= '\u2060' && c <= '\u206F')
                    || c == '\uFEFF' || c == '\u061C' || c == '\u180E') {
                return CONTROLS.matcher(text).replaceAll("");
            }
        }
        return text;
    }

    /** Isolates every Latin or numeric run in right-to-left text; other text is returned as is. */
    public static String isolateLtrRuns(String text) {
        if (text == null || text.isEmpty() || !hasRtl(text)) return text;
        Matcher m = LTR_RUN.matcher(text);
        StringBuilder out = new StringBuilder(text.length() + 16);
        while (m.find()) {
            String run = m.group();
            if (!run.chars().anyMatch(Character::isLetter) && run.length() < 3) {
                m.appendReplacement(out, Matcher.quoteReplacement(run));
            } else {
                m.appendReplacement(out, Matcher.quoteReplacement(FSI + run + PDI));
            }
        }
        m.appendTail(out);
        return out.toString();
    }

    static boolean hasRtl(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (Script.isRtl(text.charAt(i))) return true;
        }
        return false;
    }
}
