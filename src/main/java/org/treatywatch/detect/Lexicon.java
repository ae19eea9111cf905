package org.treatywatch.detect;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.treatywatch.text.Clitics;
import org.treatywatch.text.Tokenizer;

/**
 * The topic's surface forms, normalized once, looked up by first word. A form is one or more
 * words; a trailing {@code *} on its last word matches any ending (רוסי* → רוסיה, רוסים).
 * Each token is tried with its clitics removed, so والمعاهدة finds معاهده.
 */
public final class Lexicon {
    private record Form(Concept concept, String text, String[] words, boolean openEnd) {}

    private final Map<String, List<Form>> byFirstWord = new HashMap<>();
    private final List<Form> openSingles = new ArrayList<>();
    private final Map<Concept, Integer> sizes = new EnumMap<>(Concept.class);

    public Lexicon(Map<Concept, List<String>> forms) {
        forms.forEach((concept, list) -> {
            for (String raw : list) add(concept, raw);
        });
    }

    private void add(Concept concept, String raw) {
        String text = raw.strip();
        boolean open = text.endsWith("*");
        if (open) text = text.substring(0, text.length() - 1);
        List<String> words = Tokenizer.normalizedTokens(text);
        if (words.isEmpty()) return;
        Form form = new Form(concept, raw.strip(), words.toArray(String[]::new), open);
        if (open && words.size() == 1) openSingles.add(form);
        else byFirstWord.computeIfAbsent(words.get(0), k -> new ArrayList<>()).add(form);
        sizes.merge(concept, 1, Integer::sum);
    }

    public int size(Concept concept) {
        return sizes.getOrDefault(concept, 0);
    }

    /** Every form found in the tokens; forms inside a longer third-party name are dropped (روسيا البيضاء). */
    public List<Hit> find(List<String> tokens) {
        List<List<String>> readings = new ArrayList<>(tokens.size());
        for (String t : tokens) readings.add(Clitics.readings(t));
        List<Hit> hits = new ArrayList<>();
        for (int i = 0; i < tokens.size(); i++) {
            // The least-stripped reading that the lexicon knows wins: ברית stays ברית, never ב + רית.
            int before = hits.size();
            for (String reading : readings.get(i)) {
                if (hits.size() > before) break;
                for (Form f : byFirstWord.getOrDefault(reading, List.of())) {
                    if (matchesRest(f, readings, i)) hits.add(new Hit(f.concept, f.text, i, i + f.words.length));
                }
                for (Form f : openSingles) {
                    if (reading.startsWith(f.words[0])) hits.add(new Hit(f.concept, f.text, i, i + 1));
                }
            }
        }
        return dropShadowed(hits);
    }

    private static boolean matchesRest(Form f, List<List<String>> readings, int at) {
        if (f.words.length == 1) return true;
        if (at + f.words.length > readings.size()) return false;
        for (int k = 1; k < f.words.length; k++) {
            boolean last = k == f.words.length - 1;
            boolean any = false;
            for (String r : readings.get(at + k)) {
                if (r.equals(f.words[k]) || (last && f.openEnd && r.startsWith(f.words[k]))) {
                    any = true;
                    break;
                }
            }
            if (!any) return false;
        }
        return true;
    }

    private static List<Hit> dropShadowed(List<Hit> hits) {
        List<Hit> third = hits.stream().filter(h -> h.concept() == Concept.THIRD_PARTY && h.end() - h.start() > 1).toList();
        if (third.isEmpty()) return dedupe(hits);
        List<Hit> kept = new ArrayList<>();
        for (Hit h : hits) {
            boolean shadowed = h.concept() != Concept.THIRD_PARTY && third.stream().anyMatch(h::inside);
            if (!shadowed) kept.add(h);
        }
        return dedupe(kept);
    }

    private static List<Hit> dedupe(List<Hit> hits) {
        List<Hit> out = new ArrayList<>(hits.size());
        for (Hit h : hits) {
            boolean dup = out.stream().anyMatch(o -> o.concept() == h.concept() && o.start() == h.start() && o.end() == h.end());
            if (!dup) out.add(h);
        }
        return out;
    }
}
