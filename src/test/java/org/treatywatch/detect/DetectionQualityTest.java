package org.treatywatch.detect;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.treatywatch.TestFiles;
import org.treatywatch.Topic;
import org.treatywatch.config.FeedsFile;

/**
 * The shipped lexicon and detector on a labeled set written for this project (Hebrew and Arabic
 * headlines and paragraphs, half about the treaty, with hard negatives and hard positives).
 */
class DetectionQualityTest {
    record Example(boolean relevant, String lang, String title, String body) {}

    static List<Example> labeled() {
        List<Example> out = new ArrayList<>();
        for (String line : TestFiles.resource("detect/labeled.tsv").split("\n")) {
            if (line.isBlank() || line.startsWith("#")) continue;
            String[] f = line.split("\t", -1);
            out.add(new Example(f[0].equals("1"), f[1], f[2], f.length > 3 ? f[3] : ""));
        }
        return out;
    }

    static TopicDetector shippedDetector() {
        return TestFiles.shippedDetector();
    }

    @Test
    void precisionAndRecallAreAtLeast95PercentOnTheLabeledSet() {
        TopicDetector detector = shippedDetector();
        int tp = 0, fp = 0, fn = 0, tn = 0;
        List<String> wrong = new ArrayList<>();
        for (Example e : labeled()) {
            Relevance r = detector.detect(e.title(), e.body());
            if (r.relevant() && e.relevant()) tp++;
            else if (r.relevant()) {
                fp++;
                wrong.add("FP " + String.format("%.2f", r.score()) + " " + e.title() + " " + r.concepts());
            } else if (e.relevant()) {
                fn++;
                wrong.add("FN " + String.format("%.2f", r.score()) + " " + e.title() + " " + r.concepts());
            } else tn++;
        }
        double precision = tp / (double) (tp + fp), recall = tp / (double) (tp + fn);
        System.out.printf("labeled set: %d examples%n               predicted+  predicted-%n  relevant     %5d       %5d%n  irrelevant   %5d       %5d%n"
                + "  precision %.3f  recall %.3f%n", tp + fp + fn + tn, tp, fn, fp, tn, precision, recall);
        wrong.forEach(w -> System.out.println("  " + w));
        assertThat(tp + fp + fn + tn).isGreaterThanOrEqualTo(120);
        assertThat(precision).isGreaterThanOrEqualTo(0.95);
        assertThat(recall).isGreaterThanOrEqualTo(0.95);
    }
}
