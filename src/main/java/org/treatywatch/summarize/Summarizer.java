package org.treatywatch.summarize;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.treatywatch.text.Normalizer;
import org.treatywatch.text.Sentences;

/**
 * An extractive summary: the lead sentence, then the evidence sentences, in article order, never
 * the same sentence twice, cut on sentence boundaries to at most {@value #MAX_CHARS} characters.
 */
public final class Summarizer {
    public static final int MAX_CHARS = 600;
    public static final int MAX_SENTENCES = 3;

    private Summarizer() {}

    public static String summarize(String title, String body, List<String> evidence) {
        List<String> sentences = Sentences.split(body);
        Set<String> titleKey = Set.of(key(title));
        Set<Integer> chosen = new LinkedHashSet<>();
        for (int i = 0; i < sentences.size() && chosen.isEmpty(); i++) {
            if (!titleKey.contains(key(sentences.get(i))) && sentences.get(i).length() > 20) chosen.add(i);
        }
        for (String e : evidence) {
            for (int i = 0; i < sentences.size(); i++) {
                if (key(sentences.get(i)).equals(key(e))) chosen.add(i);
            }
        }
        for (int i = 0; i < sentences.size() && chosen.size() < 2; i++) {
            if (!titleKey.contains(key(sentences.get(i)))) chosen.add(i);
        }
        List<Integer> order = new ArrayList<>(chosen);
        order.sort(Integer::compare);
        StringBuilder out = new StringBuilder();
        Set<String> used = new LinkedHashSet<>();
        int count = 0;
        for (int i : order) {
            String s = sentences.get(i);
            if (count >= MAX_SENTENCES || !used.add(key(s))) continue;
            if (out.length() + s.length() + 1 > MAX_CHARS) {
                if (out.length() == 0) out.append(cut(s));
                break;
            }
            if (out.length() > 0) out.append(' ');
            out.append(s);
            count++;
        }
        return out.toString();
    }

    /** Shortens one long sentence at a word boundary. */
    public static String cut(String s) {
        if (s.length() <= MAX_CHARS) return s;
        int end = s.lastIndexOf(' ', MAX_CHARS - 1);
        return s.substring(0, end > MAX_CHARS / 2 ? end : MAX_CHARS - 1) + "…";
    }

    private static String key(String s) {
        return s == null ? "" : Normalizer.forMatching(s).replaceAll("[^\\p{L}\\p{N}]+", "");
    }
}
