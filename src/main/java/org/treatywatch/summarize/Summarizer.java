package org.treatywatch.summarize;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.treatywatch.text.Clitics;
import org.treatywatch.text.Normalizer;
import org.treatywatch.text.Sentences;
import org.treatywatch.text.Tokenizer;

/**
 * An extractive summary of 2–3 sentences (at most {@value #MAX_CHARS} characters) in the article's
 * own language. Sentences are ranked by position (news puts the facts first), by being topic
 * evidence, and by centrality (TextRank over shared words); the chosen ones keep article order,
 * never repeat, never repeat the headline, and are cut only on sentence boundaries.
 */
public final class Summarizer {
    public static final int MAX_CHARS = 600;
    public static final int MAX_SENTENCES = 3;
    static final int MIN_SENTENCE = 25;
    private static final double DAMPING = 0.85;
    private static final int ITERATIONS = 20;
    /** TextRank ranks at most this many sentences from the top: news puts its facts first, and the cost is quadratic. */
    static final int MAX_RANKED = 60;

    private Summarizer() {}

    private static final java.util.regex.Pattern ADDRESS = java.util.regex.Pattern.compile("\\(?\\b(?:https?://|www\\.)\\S+\\)?");
    private static final java.util.regex.Pattern MENU = java.util.regex.Pattern.compile("[|»›·•].*[|»›·•]");
    private static final int MIN_WORDS = 4;

    /**
     * The article's own words in a sentence: addresses (image and link URLs) removed; a date stamp,
     * a menu or a line of symbols ("12-19-2025, 12:30 AM", "Home | News | World") is no sentence at all.
     */
    static String ownText(String sentence) {
        String s = ADDRESS.matcher(sentence).replaceAll(" ").replaceAll("\\s+", " ").strip();
        if (MENU.matcher(s).find()) return "";
        int words = 0;
        for (String w : s.split(" ")) if (w.codePoints().filter(Character::isLetter).count() >= 2) words++;
        return words >= MIN_WORDS ? s : "";
    }

    public static String summarize(String title, String body, List<String> evidence) {
        List<String> sentences = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        seen.add(key(title));
        for (String raw : Sentences.split(body)) {
            if (sentences.size() >= MAX_RANKED) break;
            String s = ownText(raw);
            if (s.length() >= MIN_SENTENCE && seen.add(key(s))) sentences.add(s);
        }
        if (sentences.isEmpty()) return "";
        double[] score = score(sentences, evidence);
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < sentences.size(); i++) order.add(i);
        order.sort((a, b) -> Double.compare(score[b], score[a]));

        List<Integer> chosen = new ArrayList<>();
        int length = 0;
        for (int i : order) {
            if (chosen.size() >= MAX_SENTENCES) break;
            int add = sentences.get(i).length() + (chosen.isEmpty() ? 0 : 1);
            if (length + add > MAX_CHARS) continue;
            chosen.add(i);
            length += add;
        }
        if (chosen.isEmpty()) return cut(sentences.get(order.get(0)));
        chosen.sort(Integer::compare);
        StringBuilder out = new StringBuilder();
        for (int i : chosen) {
            if (out.length() > 0) out.append(' ');
            out.append(sentences.get(i));
        }
        return out.toString();
    }

    private static double[] score(List<String> sentences, List<String> evidence) {
        int n = sentences.size();
        List<Set<String>> words = new ArrayList<>();
        for (String s : sentences) words.add(contentWords(s));
        double[][] sim = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                Set<String> a = words.get(i), b = words.get(j);
                int common = 0;
                for (String w : a) if (b.contains(w)) common++;
                double d = Math.log(a.size() + 1) + Math.log(b.size() + 1);
                sim[i][j] = sim[j][i] = d == 0 ? 0 : common / d;
            }
        }
        double[] rank = new double[n];
        java.util.Arrays.fill(rank, 1.0);
        double[] outWeight = new double[n];
        for (int j = 0; j < n; j++) for (int k = 0; k < n; k++) outWeight[j] += sim[j][k];
        for (int it = 0; it < ITERATIONS; it++) {
            double[] next = new double[n];
            for (int i = 0; i < n; i++) {
                double sum = 0;
                for (int j = 0; j < n; j++) {
                    if (i == j || sim[j][i] == 0) continue;
                    sum += sim[j][i] / outWeight[j] * rank[j];
                }
                next[i] = (1 - DAMPING) + DAMPING * sum;
            }
            rank = next;
        }
        double max = 0;
        for (double r : rank) max = Math.max(max, r);
        Set<String> evidenceKeys = new HashSet<>();
        for (String e : evidence) evidenceKeys.add(key(e));
        double[] score = new double[n];
        for (int i = 0; i < n; i++) {
            double position = 1.0 / (1 + i);
            double isEvidence = evidenceKeys.contains(key(sentences.get(i))) ? 1 : 0;
            score[i] = 0.45 * position + 0.3 * isEvidence + 0.25 * (max == 0 ? 0 : rank[i] / max);
        }
        return score;
    }

    private static Set<String> contentWords(String s) {
        Set<String> out = new HashSet<>();
        for (String t : Tokenizer.normalizedTokens(s)) {
            List<String> r = Clitics.readings(t);
            String stem = r.get(r.size() - 1);
            if (stem.length() > 2) out.add(stem);
        }
        return out;
    }

    /** Shortens one long sentence at a word boundary. */
    public static String cut(String s) {
        return cut(s, MAX_CHARS);
    }

    public static String cut(String s, int max) {
        if (s.length() <= max) return s;
        return Sentences.bounded(s, max - 1).stripTrailing() + "…"; // word boundary, never inside a surrogate pair
    }

    static String key(String s) {
        return s == null ? "" : Normalizer.forMatching(s).replaceAll("[^\\p{L}\\p{N}]+", "");
    }
}
