package org.treatywatch.extract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import net.dankito.readability4j.Readability4J;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.treatywatch.fetch.Charsets;

/**
 * The standard article-extraction benchmark (scrapinghub, 181 pages), measured for our extractor
 * and for Readability4J in the same run. Runs where ../shared/corpus is present (CI, development);
 * a fresh clone without it skips this test.
 */
@EnabledIf("corpusPresent")
class ExtractionBenchmarkTest {
    static final Path CORPUS = Path.of("../shared/corpus/scrapinghub");

    static boolean corpusPresent() {
        return Files.isRegularFile(CORPUS.resolve("ground-truth.json"));
    }

    @Test
    void oursBeatsReadability4jOnTheScrapinghubBenchmark() throws Exception {
        ExtractionScore ours = new ExtractionScore(), peer = new ExtractionScore();
        JsonNode truth = new ObjectMapper().readTree(CORPUS.resolve("ground-truth.json").toFile());
        long oursNanos = 0, peerNanos = 0;
        for (Iterator<Map.Entry<String, JsonNode>> it = truth.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String html;
            try (InputStream in = new GZIPInputStream(Files.newInputStream(CORPUS.resolve("html/" + e.getKey() + ".html.gz")))) {
                html = Charsets.decode(in.readAllBytes(), null);
            }
            String url = e.getValue().path("url").asText();
            String expected = e.getValue().path("articleBody").asText("");
            long t0 = System.nanoTime();
            ours.add(expected, ArticleExtractor.extract(html, url).text());
            long t1 = System.nanoTime();
            String peerText;
            try {
                peerText = new Readability4J(url, html).parse().getTextContent();
            } catch (RuntimeException ex) {
                peerText = "";
            }
            peerNanos += System.nanoTime() - t1;
            oursNanos += t1 - t0;
            peer.add(expected, peerText == null ? "" : peerText);
        }
        System.out.printf("scrapinghub %d pages%n  treatywatch  P=%.4f R=%.4f F1=%.4f (%d ms)%n  readability4j P=%.4f R=%.4f F1=%.4f (%d ms)%n",
                ours.size(), ours.precision(), ours.recall(), ours.f1(), oursNanos / 1_000_000,
                peer.precision(), peer.recall(), peer.f1(), peerNanos / 1_000_000);
        assertThat(ours.size()).isEqualTo(181);
        assertThat(ours.f1()).isGreaterThan(peer.f1()).isGreaterThan(0.955);
    }
}
