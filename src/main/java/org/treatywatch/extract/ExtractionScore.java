package org.treatywatch.extract;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The article-extraction benchmark's metric (scrapinghub/article-extraction-benchmark): texts are
 * split into Unicode \w+ tokens, counted as 4-token shingles; per page tp/fp/fn are the matched,
 * extra and missing shingles, normalized by their sum; precision and recall are averaged over
 * pages and F1 is taken of the two averages.
 */
public final class ExtractionScore {
    private static final Pattern WORD = Pattern.compile("\\w+", Pattern.UNICODE_CHARACTER_CLASS);
    private static final int N = 4;

    /** One page's normalized counts. */
    public record Page(double tp, double fp, double fn) {
        public double precision() {
            if (fp == 0 && fn == 0) return 1;
            if (tp == 0 && fp == 0) return 0;
            return tp / (tp + fp);
        }

        public double recall() {
            if (fp == 0 && fn == 0) return 1;
            if (tp == 0 && fn == 0) return 0;
            return tp / (tp + fn);
        }
    }

    private final List<Page> pages = new ArrayList<>();

    public Page add(String truth, String predicted) {
        Page p = score(truth, predicted);
        pages.add(p);
        return p;
    }

    public static Page score(String truth, String predicted) {
        Map<List<String>, Integer> t = shingles(truth), p = shingles(predicted);
        double tp = 0, fp = 0, fn = 0;
        for (var e : p.entrySet()) {
            int inTruth = t.getOrDefault(e.getKey(), 0);
            tp += Math.min(inTruth, e.getValue());
            fp += Math.max(0, e.getValue() - inTruth);
        }
        for (var e : t.entrySet()) fn += Math.max(0, e.getValue() - p.getOrDefault(e.getKey(), 0));
        double sum = tp + fp + fn;
        return sum == 0 ? new Page(0, 0, 0) : new Page(tp / sum, fp / sum, fn / sum);
    }

    public int size() {
        return pages.size();
    }

    public double precision() {
        return pages.stream().mapToDouble(Page::precision).average().orElse(0);
    }

    public double recall() {
        return pages.stream().mapToDouble(Page::recall).average().orElse(0);
    }

    public double f1() {
        double p = precision(), r = recall();
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }

    static Map<List<String>, Integer> shingles(String text) {
        List<String> tokens = new ArrayList<>();
        Matcher m = WORD.matcher(text == null ? "" : text);
        while (m.find()) tokens.add(m.group());
        Map<List<String>, Integer> out = new HashMap<>();
        int count = Math.max(1, tokens.size() - N + 1);
        for (int i = 0; i < count; i++) out.merge(tokens.subList(i, Math.min(tokens.size(), i + N)), 1, Integer::sum);
        return out;
    }
}
