package org.treatywatch.text;

import com.ibm.icu.text.BreakIterator;
import com.ibm.icu.util.ULocale;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Splits Hebrew, Arabic and English text into sentences with ICU's rules, plus the marks ICU does
 * not treat as sentence ends in news text (Arabic ؟ and ؛ already are; we add line breaks).
 * Hebrew abbreviations with gershayim (ארה"ב) never end a sentence because ICU sees no period.
 */
public final class Sentences {
    private static final Pattern LINES = Pattern.compile("\\n\\s*");
    private static final BreakIterator PROTOTYPE = BreakIterator.getSentenceInstance(ULocale.ROOT);

    private Sentences() {}

    // A spaced dash (—, –, -) separates a news line's headline from its lead: "X meets Y — the two discussed ..."
    private static final java.util.regex.Pattern HEADLINE_DASH = java.util.regex.Pattern.compile("\\s[\u2014\u2013-]\\s");

    /** The headline of a "headline — lead" line, or the whole text when it has no such dash. */
    public static String headline(String line) {
        java.util.regex.Matcher dash = HEADLINE_DASH.matcher(line);
        return dash.find() ? line.substring(0, dash.start()) : line;
    }

    /** The lead of a "headline — lead" line, or "" when it has no such dash. */
    public static String afterHeadline(String line) {
        java.util.regex.Matcher dash = HEADLINE_DASH.matcher(line);
        return dash.find() ? line.substring(dash.end()) : "";
    }

    /**
     * Longer "sentences" (a page with no full stops) are cut at word boundaries into pieces this
     * long, so every step that works per sentence has a bounded cost.
     */
    public static final int MAX_SENTENCE_CHARS = 1_000;

    /** Text at most {@code max} characters long, cut at a word boundary (and never inside a surrogate pair). */
    public static String bounded(String text, int max) {
        if (text == null || text.length() <= max) return text == null ? "" : text;
        int end = text.lastIndexOf(' ', max);
        if (end < max / 2) end = max;
        if (Character.isHighSurrogate(text.charAt(end - 1))) end--;
        return text.substring(0, end);
    }

    public static List<String> split(String text) {
        List<String> out = new ArrayList<>();
        if (text == null || text.isBlank()) return out;
        for (String block : LINES.split(text)) {
            if (block.isBlank()) continue;
            BreakIterator it = (BreakIterator) PROTOTYPE.clone(); // creating one per call costs more than the split
            it.setText(block);
            int start = it.first();
            for (int end = it.next(); end != BreakIterator.DONE; start = end, end = it.next()) {
                String s = block.substring(start, end).strip();
                while (s.length() > MAX_SENTENCE_CHARS) {
                    String piece = bounded(s, MAX_SENTENCE_CHARS);
                    out.add(piece.strip());
                    s = s.substring(piece.length()).strip();
                }
                if (!s.isEmpty()) out.add(s);
            }
        }
        return out;
    }
}
