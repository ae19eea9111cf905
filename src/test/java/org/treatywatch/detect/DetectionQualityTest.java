package org.treatywatch.detect;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.treatywatch.TestFiles;

/**
 * The shipped lexicon, gazetteer and detector on the labeled sets written for this project, in
 * Hebrew and Arabic: {@code labeled.tsv} (titles and paragraphs) and {@code labeled-news.tsv}
 * (headline + lead items in the phrasing of real outlets, by class: leaders' and ministers' meetings
 * without a treaty word, arms, energy, corridor, payments, ratification by every body; other pairs,
 * multilateral settings, wars and the Ukraine war). Labels follow ../shared/RELEVANCE.md. These were
 * written alongside the code, so they guard against regressions; the development set of
 * {@link DevelopmentSetTest} and sets nobody here has seen say how well it generalizes.
 */
class DetectionQualityTest {
    record Example(boolean relevant, String lang, String kind, String title, String body) {}

    static List<Example> labeled() {
        List<Example> out = new ArrayList<>();
        for (String line : TestFiles.resource("detect/labeled.tsv").split("\n")) {
            if (line.isBlank() || line.startsWith("#")) continue;
            String[] f = line.split("\t", -1);
            out.add(new Example(f[0].equals("1"), f[1], "", f[2], f.length > 3 ? f[3] : ""));
        }
        for (String line : TestFiles.resource("detect/labeled-news.tsv").split("\n")) {
            if (line.isBlank() || line.startsWith("#")) continue;
            String[] f = line.split("\t", -1);
            out.add(new Example(f[0].equals("1"), f[1], f[2], f[3], ""));
        }
        return out;
    }

    @Test
    void precisionAndRecallAreAtLeast97PercentInEachLanguage() {
        TopicDetector detector = TestFiles.shippedDetector();
        List<Example> all = labeled();
        assertThat(all).hasSizeGreaterThanOrEqualTo(400);
        for (String lang : List.of("he", "ar")) {
            Confusion c = new Confusion();
            for (Example e : all) {
                if (!e.lang().equals(lang)) continue;
                Relevance r = detector.detect(e.title(), e.body());
                c.add(e.relevant(), r.relevant(), String.format("%.2f %s %s %s", r.score(), e.kind(), e.title(), r.concepts()));
            }
            System.out.println(c.report("labeled set, " + lang));
            assertThat(c.size()).as("%s items", lang).isGreaterThanOrEqualTo(150);
            assertThat(c.precision()).as("%s precision", lang).isGreaterThanOrEqualTo(0.97);
            assertThat(c.recall()).as("%s recall", lang).isGreaterThanOrEqualTo(0.97);
        }
    }
}
