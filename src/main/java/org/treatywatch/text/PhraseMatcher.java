package org.treatywatch.text;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds known phrases in a token list, each token read with its clitics removed (the least
 * stripped reading the matcher knows wins, so ברית is never ב + רית). A phrase is one or more
 * words; a trailing {@code *} on a one-word phrase matches any ending.
 *
 * @param <T> what a phrase stands for (a concept, a person, a stage ...)
 */
public final class PhraseMatcher<T> {
    /** A phrase found at tokens [start, end). */
    public record Match<T>(T label, String phrase, int start, int end) {}

    private record Phrase<T>(T label, String text, String[] words, boolean openEnd) {}

    private final Map<String, List<Phrase<T>>> byFirstWord = new HashMap<>();
    private final List<Phrase<T>> openSingles = new ArrayList<>();

    /** Adds a phrase as written (it is normalized here); returns false if it has no words. */
    public boolean add(T label, String raw) {
        String text = raw.strip();
        boolean open = text.endsWith("*");
        if (open) text = text.substring(0, text.length() - 1);
        List<String> words = Tokenizer.normalizedTokens(text);
        if (words.isEmpty()) return false;
        Phrase<T> p = new Phrase<>(label, raw.strip(), words.toArray(String[]::new), open);
        if (open && words.size() == 1) openSingles.add(p);
        else byFirstWord.computeIfAbsent(words.get(0), k -> new ArrayList<>()).add(p);
        return true;
    }

    public List<Match<T>> find(List<String> tokens) {
        List<List<String>> readings = new ArrayList<>(tokens.size());
        for (String t : tokens) readings.add(Clitics.readings(t));
        List<Match<T>> out = new ArrayList<>();
        for (int i = 0; i < tokens.size(); i++) {
            int before = out.size();
            for (String reading : readings.get(i)) {
                if (out.size() > before) break;
                for (Phrase<T> p : byFirstWord.getOrDefault(reading, List.of())) {
                    if (matchesRest(p, readings, i)) out.add(new Match<>(p.label, p.text, i, i + p.words.length));
                }
                for (Phrase<T> p : openSingles) {
                    if (reading.startsWith(p.words[0])) out.add(new Match<>(p.label, p.text, i, i + 1));
                }
            }
        }
        return out;
    }

    public List<Match<T>> find(String text) {
        return find(Tokenizer.normalizedTokens(text));
    }

    private static <T> boolean matchesRest(Phrase<T> p, List<List<String>> readings, int at) {
        if (p.words.length == 1) return true;
        if (at + p.words.length > readings.size()) return false;
        for (int k = 1; k < p.words.length; k++) {
            boolean last = k == p.words.length - 1;
            boolean any = false;
            for (String r : readings.get(at + k)) {
                if (r.equals(p.words[k]) || (last && p.openEnd && r.startsWith(p.words[k]))) {
                    any = true;
                    break;
                }
            }
            if (!any) return false;
        }
        return true;
    }
}
