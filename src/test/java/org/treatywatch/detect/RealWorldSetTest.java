package org.treatywatch.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.treatywatch.TestFiles;

/**
 * The real-world development set: labels from ../shared/corpus/realworld-dev.tsv, texts re-collected
 * from the public outlets into a folder outside the project (never committed; set
 * TREATYWATCH_REALWORLD_TEXTS, default ../realworld-texts, one {@code <id>.txt} per item, first line
 * the title). Prints precision, recall, F1 and every miss per language; skipped when either is absent.
 */
class RealWorldSetTest {
    static final Path LABELS = Path.of("..", "shared", "corpus", "realworld-dev.tsv");
    static final int MIN_ITEMS = 5;

    @Test
    void realOutletsItemsAreJudgedAsTheLabelsSay() throws IOException {
        Path texts = Path.of(System.getenv().getOrDefault("TREATYWATCH_REALWORLD_TEXTS", "../realworld-texts"));
        assumeTrue(Files.isRegularFile(LABELS) && Files.isDirectory(texts), "real-world labels or re-collected texts are not here");
        List<String> lines = Files.readAllLines(LABELS, StandardCharsets.UTF_8);
        TopicDetector detector = TestFiles.shippedDetector();
        for (String lang : List.of("he", "ar")) {
            Confusion c = new Confusion();
            int items = 0;
            for (String line : lines.subList(1, lines.size())) {
                String[] f = line.split("\t", -1);
                Path text = texts.resolve(f[0] + ".txt");
                if (f.length < 6 || !f[1].equals(lang) || !Files.isRegularFile(text)) continue;
                String all = Files.readString(text, StandardCharsets.UTF_8);
                int nl = all.indexOf('\n');
                Relevance verdict = nl < 0 ? detector.detect(all, "") : detector.detect(all.substring(0, nl), all.substring(nl + 1));
                c.add(f[2].equals("1"), verdict.relevant(), f[0] + " " + f[5] + " " + verdict.score());
                items++;
            }
            System.out.println(c.report("real-world development set, " + lang));
            if (items >= MIN_ITEMS) assertThat(c.f1()).as("F1 on the real-world %s items", lang).isGreaterThanOrEqualTo(0.85);
        }
    }
}
