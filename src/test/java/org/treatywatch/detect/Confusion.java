package org.treatywatch.detect;

import java.util.ArrayList;
import java.util.List;

/** A confusion matrix with its misses, printed the same way by every labeled-set test. */
final class Confusion {
    private int tp, fp, fn, tn;
    private final List<String> misses = new ArrayList<>();

    void add(boolean truth, boolean predicted, String label) {
        if (truth && predicted) tp++;
        else if (predicted) {
            fp++;
            misses.add("FP " + label);
        } else if (truth) {
            fn++;
            misses.add("FN " + label);
        } else tn++;
    }

    int size() {
        return tp + fp + fn + tn;
    }

    double precision() {
        return tp + fp == 0 ? 1 : tp / (double) (tp + fp);
    }

    double recall() {
        return tp + fn == 0 ? 1 : tp / (double) (tp + fn);
    }

    double f1() {
        double p = precision(), r = recall();
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }

    String report(String name) {
        StringBuilder sb = new StringBuilder(String.format(
                "%s: %d items%n               predicted+  predicted-%n  relevant     %5d       %5d%n  irrelevant   %5d       %5d%n"
                        + "  precision %.3f  recall %.3f  F1 %.3f%n", name, size(), tp, fn, fp, tn, precision(), recall(), f1()));
        misses.forEach(m -> sb.append("  ").append(m).append('\n'));
        return sb.toString();
    }
}
