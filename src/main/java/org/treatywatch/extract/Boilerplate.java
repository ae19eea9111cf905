package org.treatywatch.extract;

import org.treatywatch.text.Normalizer;

/** The labels outlets put on page furniture: "read also", "related articles", "share", "tags" ... */
public final class Boilerplate {
    // Before the labels: loading them squashes each.
    private static final java.util.regex.Pattern PUNCTUATION = java.util.regex.Pattern.compile("[\\p{Punct}\\s:\\u060C\\u061B…»«\"'|\\-–—]+");

    /** From lexicon/boilerplate-labels.txt, normalized once. */
    private static final String[] NORMALIZED_LABELS = load();

    private static String[] load() {
        return entries("lexicon/boilerplate-labels.txt").map(l -> squash(Normalizer.forMatching(l))).toArray(String[]::new);
    }

    // A word list shipped in the jar: one entry a line, blank lines and # comments skipped.
    private static java.util.stream.Stream<String> entries(String resource) {
        try (java.io.InputStream in = Boilerplate.class.getResourceAsStream("/" + resource)) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).lines()
                    .map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList().stream();
        } catch (java.io.IOException | NullPointerException e) {
            throw new IllegalStateException(resource + " is missing from the jar", e);
        }
    }

    private Boilerplate() {}

    /** True if this short text is (or starts with) a furniture label, such as a "read also:" heading. */
    static boolean isLabel(String text) {
        // Most texts are long: if the first 200 characters squash to more than 40, so does the whole.
        String head = text.length() > 200 ? text.substring(0, 200) : text;
        String t = squash(Normalizer.forMatching(head));
        if (t.length() > 40) return false;
        if (head != text) t = squash(Normalizer.forMatching(text));
        if (t.isEmpty() || t.length() > 40) return false;
        for (String l : NORMALIZED_LABELS) {
            if (t.equals(l) || (t.startsWith(l) && t.length() - l.length() <= 3)) return true;
        }
        return false;
    }

    /** True if a paragraph begins with a "read also" label followed by another headline. */
    public static boolean startsWithLabel(String text) {
        String head = text.length() > 1000 ? text.substring(0, 1000) : text;
        String t = squash(Normalizer.forMatching(head));
        if (t.length() >= 200) return false;
        if (head != text) t = squash(Normalizer.forMatching(text));
        for (String l : NORMALIZED_LABELS) {
            if (l.length() >= 6 && t.startsWith(l) && t.length() < 200) return true;
        }
        return false;
    }

    /**
     * True if a sentence opens with a furniture label ("Read also: …", "Самое читаемое: …"): only its first
     * characters are looked at, so reading every sentence of an article this way stays cheap.
     */
    public static boolean opensWithLabel(String sentence) {
        if (sentence.length() > MAX_LABELED_SENTENCE || !FIRST_WORDS.contains(firstWord(sentence))) return false;
        String t = squash(Normalizer.forMatching(sentence.length() > LABEL_PREFIX ? sentence.substring(0, LABEL_PREFIX) : sentence));
        for (String l : NORMALIZED_LABELS) {
            if (l.length() >= 6 && t.startsWith(l)) return true;
        }
        return false;
    }

    /** From lexicon/photo-credits.txt: a credit word right before a colon marks a picture's caption. */
    private static final java.util.regex.Pattern CREDIT = credits();

    private static java.util.regex.Pattern credits() {
        String words = entries("lexicon/photo-credits.txt").map(java.util.regex.Pattern::quote)
                .collect(java.util.stream.Collectors.joining("|"));
        return java.util.regex.Pattern.compile("(?:^|[\\s(\\[|/\u00A9])(?:" + words + ")\\s*:",
                java.util.regex.Pattern.CASE_INSENSITIVE | java.util.regex.Pattern.UNICODE_CASE);
    }

    /**
     * True if a line credits a picture ("The reactor at Bushehr | photo: Reuters"): it is a caption, not a
     * headline. Only a line's first characters are looked at, so the cost stays bounded.
     */
    public static boolean captioned(String line) {
        return CREDIT.matcher(line.length() > CAPTION_LOOK ? line.substring(0, CAPTION_LOOK) : line).find();
    }

    private static final int CAPTION_LOOK = 300;

    private static final int LABEL_PREFIX = 48, MAX_LABELED_SENTENCE = 400;
    /** The labels' first words: a sentence that starts with none of them is not looked at further. */
    private static final java.util.Set<String> FIRST_WORDS = firstWords();

    private static java.util.Set<String> firstWords() {
        java.util.Set<String> out = new java.util.HashSet<>();
        for (String l : NORMALIZED_LABELS) if (l.length() >= 6) out.add(l.split(" ", 2)[0]);
        return out;
    }

    // the sentence's first word, normalized, without the punctuation around it
    private static String firstWord(String sentence) {
        int start = 0, n = Math.min(sentence.length(), LABEL_PREFIX);
        while (start < n && !Character.isLetter(sentence.charAt(start))) start++;
        int end = start;
        while (end < n && (Character.isLetter(sentence.charAt(end)) || ignorable(sentence.charAt(end)))) end++;
        return Normalizer.forMatching(sentence.substring(start, end));
    }

    // diacritics and joiners inside a word (ZWNJ in پربیننده‌ترین), dropped by the normalizer
    private static boolean ignorable(char c) {
        int type = Character.getType(c);
        return type == Character.NON_SPACING_MARK || type == Character.FORMAT;
    }

    private static String squash(String s) {
        return PUNCTUATION.matcher(s).replaceAll(" ").strip();
    }
}
