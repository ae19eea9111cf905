package org.treatywatch.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.treatywatch.TestFiles;

/**
 * The development set of ../shared/RELEVANCE.md (headline + lead items written by someone else, in
 * Hebrew and Arabic): precision, recall and F1 per language with the confusion matrix and every
 * miss. Skipped when ../shared is not beside the checkout.
 */
class DevelopmentSetTest {
    static final Path DEV_SET = Path.of("..", "shared", "corpus", "treaty-relevance-dev.tsv");

    record Row(String id, String lang, boolean relevant, String kind, String text) {}

    @Test
    void f1IsAtLeast95PercentInEachLanguage() throws IOException {
        assumeTrue(Files.isRegularFile(DEV_SET), "../shared/corpus/treaty-relevance-dev.tsv is not here");
        List<Row> rows = read(DEV_SET);
        TopicDetector detector = TestFiles.shippedDetector();
        for (String lang : List.of("he", "ar")) {
            Confusion c = new Confusion();
            for (Row r : rows) {
                if (!r.lang().equals(lang)) continue;
                Relevance verdict = detector.detect(r.text(), "");
                c.add(r.relevant(), verdict.relevant(), r.id() + " " + r.kind() + " " + verdict.score() + " " + r.text());
            }
            System.out.println(c.report("development set, " + lang));
            assertThat(c.f1()).as("F1 on the %s development set", lang).isGreaterThanOrEqualTo(0.95);
        }
    }

    static List<Row> read(Path file) throws IOException {
        List<Row> out = new ArrayList<>();
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split("\t", -1);
            if (f.length < 6) continue;
            out.add(new Row(f[0], f[1], f[2].equals("1"), f[4], f[5]));
        }
        return out;
    }
}
