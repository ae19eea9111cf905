package org.treatywatch.text;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds known phrases in a token list, each token read with its clitics removed (the least
 * stripped reading the matcher knows wins, so ברית is never ב + רית). A phrase is one or more
 * words; a trailing {@code *} on a one-word phrase matches any ending. A phrase added as a name
 * also matches other spellings with the same {@link NameKey} (transliterated names vary). A Russian
 * word also matches the word in any case ({@link RussianStems}), after its own spelling.
 *
 * @param <T> what a phrase stands for (a concept, a person, a stage ...)
 */
public final class PhraseMatcher<T> {
    /** A phrase found at tokens [start, end). */
    public record Match<T>(T label, String phrase, int start, int end) {}

    private record Phrase<T>(T label, String text, String[] words, String[] stems, String[] keys, boolean openEnd) {
        boolean wordMatches(int k, String reading, boolean last) {
            if (reading.equals(words[k]) || (last && openEnd && reading.startsWith(words[k]))) return true;
            if (stems[k] != null && reading.equals(stems[k])) return true;
            return keys != null && !keys[k].isEmpty() && keys[k].equals(NameKey.of(reading));
        }
    }

    private final Map<String, List<Phrase<T>>> byFirstWord = new HashMap<>();
    private final Map<String, List<Phrase<T>>> byFirstKey = new HashMap<>();
    private final List<Phrase<T>> openSingles = new ArrayList<>();

    /** Adds a phrase as written (it is normalized here); returns false if it has no words. */
    public boolean add(T label, String raw) {
        return add(label, raw, false);
    }

    /** Adds a phrase; a name also matches spellings with the same loose key. */
    public boolean add(T label, String raw, boolean name) {
        String text = raw.strip();
        boolean open = text.endsWith("*");
        if (open) text = text.substring(0, text.length() - 1);
        List<String> words = Tokenizer.normalizedTokens(text);
        if (words.isEmpty()) return false;
        String[] keys = name && !open ? words.stream().map(NameKey::of).toArray(String[]::new) : null;
        String[] stems = new String[words.size()];
        for (int k = 0; k < stems.length; k++) {
            boolean openWord = open && k == stems.length - 1; // "договор*" already takes any ending
            if (!openWord && RussianStems.isCyrillic(words.get(k))) stems[k] = RussianStems.stem(words.get(k));
        }
        Phrase<T> p = new Phrase<>(label, raw.strip(), words.toArray(String[]::new), stems, keys, open);
        if (open && words.size() == 1) openSingles.add(p);
        else byFirstWord.computeIfAbsent(words.get(0), k -> new ArrayList<>()).add(p);
        if (stems[0] != null) byFirstWord.computeIfAbsent(stems[0], k -> new ArrayList<>()).add(p);
        if (keys != null && !keys[0].isEmpty()) byFirstKey.computeIfAbsent(keys[0], k -> new ArrayList<>()).add(p);
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
                if (out.size() == before && !byFirstKey.isEmpty()) {
                    String key = NameKey.of(reading);
                    for (Phrase<T> p : key.isEmpty() ? List.<Phrase<T>>of() : byFirstKey.getOrDefault(key, List.of())) {
                        if (matchesRest(p, readings, i)) out.add(new Match<>(p.label, p.text, i, i + p.words.length));
                    }
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
                if (p.wordMatches(k, r, last)) {
                    any = true;
                    break;
                }
            }
            if (!any) return false;
        }
        return true;
    }
}
