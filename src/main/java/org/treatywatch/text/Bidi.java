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

    /**
     * Text from a feed or a page without hidden characters: direction overrides, embeddings, isolates
     * and marks, zero-width space, word joiner, invisible operators and the deprecated format controls
     * (U+2060–206F), the Mongolian vowel separator, the BOM, soft hyphens, tag characters
     * (U+E0000–E007F), interlinear annotation marks, and C0/C1 control characters. Tab, line feed and
     * carriage return stay (callers split lines on them); the line and paragraph separators and NEL
     * become a space. ZWNJ and ZWJ stay: Persian words and emoji need them.
     */
    public static String stripControls(String text) {
        if (text == null) return null;
        // Most text has none: one pass that finds nothing costs no copy.
        int first = 0;
        while (first < text.length() && keep(text, first) == KEEP) first++;
        if (first == text.length()) return text;
        StringBuilder out = new StringBuilder(text.length());
        out.append(text, 0, first);
        for (int i = first; i < text.length(); i++) {
            int verdict = keep(text, i);
            if (verdict == KEEP) out.append(text.charAt(i));
            else if (verdict == SPACE) out.append(' ');
            else if (verdict == DROP_PAIR) i++;
        }
        return out.toString();
    }

    private static final int KEEP = 0, DROP = 1, DROP_PAIR = 2, SPACE = 3;

    private static int keep(String text, int i) {
        char c = text.charAt(i);
        if (c >= ' ' && c < '\u007F') return KEEP; // ASCII: the common case
        if (c == '\t' || c == '\n' || c == '\r') return KEEP;
        if (c < ' ' || c == '\u007F') return DROP;
        if (c == '\u0085' || c == '\u2028' || c == '\u2029') return SPACE;
        if (c <= '\u009F' || c == '\u00AD' || c == '\u061C' || c == '\u180E' || c == '\uFEFF') return DROP;
        if (c == '\u200B' || c == '\u200E' || c == '\u200F' || (c >= '\u202A' && c <= '\u202E')) return DROP;
        if (c >= '\u2060' && c <= '\u206F') return DROP;
        if (c >= '\uFFF9' && c <= '\uFFFB') return DROP;
        if (c == '\uDB40' && i + 1 < text.length() && text.charAt(i + 1) >= '\uDC00' && text.charAt(i + 1) <= '\uDC7F') return DROP_PAIR;
        return KEEP;
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
