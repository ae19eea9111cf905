package org.treatywatch.text;

/**
 * Text shown or stored as one line — a feed's name, an item's title, a line of a reply: hidden
 * controls stripped ({@link Bidi#stripControls}), line breaks and runs of spaces as one space, and,
 * where a bound is given, cut at a word with an ellipsis. A name with a newline, "---" on a line of
 * its own or a control character then cannot break the YAML, OPML or message it is written into.
 */
public final class OneLine {
    public static final char ELLIPSIS = '…';

    private OneLine() {}

    /** Cleaned; null stays null. */
    public static String of(String text) {
        if (text == null) return null;
        String s = Bidi.stripControls(text);
        StringBuilder out = new StringBuilder(s.length());
        boolean space = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                space = out.length() > 0;
            } else {
                if (space) out.append(' ');
                space = false;
                out.append(c);
            }
        }
        return out.toString();
    }

    /** Cleaned and at most {@code maxChars} long. */
    public static String of(String text, int maxChars) {
        return clip(of(text), maxChars);
    }

    /**
     * At most {@code maxChars}: cut at the last space in the second half of the room, else at a
     * character (never between a surrogate pair), with an ellipsis.
     */
    public static String clip(String text, int maxChars) {
        if (text == null || text.length() <= maxChars) return text;
        if (maxChars < 2) return String.valueOf(ELLIPSIS);
        int end = maxChars - 1;
        int space = text.lastIndexOf(' ', end);
        if (space > maxChars / 2) end = space;
        else if (Character.isHighSurrogate(text.charAt(end - 1))) end--;
        return text.substring(0, end).stripTrailing() + ELLIPSIS;
    }
}
