package org.treatywatch.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.zip.GZIPInputStream;
import org.treatywatch.extract.ArticleExtractor;
import org.treatywatch.extract.ExtractionScore;
import org.treatywatch.fetch.Charsets;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Measures quality on standard data sets. */
@Command(name = "eval", mixinStandardHelpOptions = true, description = "Measure quality on a benchmark.",
        subcommands = {EvalCommand.Extraction.class})
final class EvalCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "extraction", mixinStandardHelpOptions = true,
            description = "Article extraction on a scrapinghub-style benchmark: DIR/ground-truth.json ({id: {articleBody, url}}) "
                    + "and DIR/html/<id>.html[.gz]; or Mozilla Readability test pages: DIR/<name>/source.html and expected.txt. "
                    + "Prints per-page precision/recall and the overall P, R, F1 (the benchmark's shingle metric).")
    static final class Extraction implements Callable<Integer> {
        @Parameters(paramLabel = "DIR")
        Path dir;

        @Option(names = "--quiet", description = "only the overall figures")
        boolean quiet;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            PrintWriter out = spec.commandLine().getOut();
            ExtractionScore score = new ExtractionScore();
            long t0 = System.nanoTime();
            if (!Files.exists(dir.resolve("ground-truth.json"))) return readabilityPages(out, score, t0);
            JsonNode truth = new ObjectMapper().readTree(dir.resolve("ground-truth.json").toFile());
            for (Iterator<Map.Entry<String, JsonNode>> it = truth.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                String html = readPage(dir.resolve("html"), e.getKey());
                String predicted = ArticleExtractor.extract(html, e.getValue().path("url").asText(null)).text();
                ExtractionScore.Page p = score.add(e.getValue().path("articleBody").asText(""), predicted);
                if (!quiet) out.printf("%s  P=%.3f R=%.3f%n", e.getKey(), p.precision(), p.recall());
            }
            long ms = (System.nanoTime() - t0) / 1_000_000;
            out.printf("pages=%d precision=%.4f recall=%.4f F1=%.4f time=%dms%n", score.size(), score.precision(), score.recall(), score.f1(), ms);
            out.flush();
            return 0;
        }

        /** Mozilla Readability's test pages: DIR/<name>/source.html with expected.txt as the truth. */
        private Integer readabilityPages(PrintWriter out, ExtractionScore score, long t0) throws IOException {
            try (var dirs = Files.list(dir)) {
                for (Path page : dirs.sorted().toList()) {
                    Path source = page.resolve("source.html"), expected = page.resolve("expected.txt");
                    if (!Files.isRegularFile(source) || !Files.isRegularFile(expected)) continue;
                    String predicted = ArticleExtractor.extract(Charsets.decode(Files.readAllBytes(source), null), null).text();
                    ExtractionScore.Page p = score.add(Files.readString(expected), predicted);
                    if (!quiet) out.printf("%s  P=%.3f R=%.3f%n", page.getFileName(), p.precision(), p.recall());
                }
            }
            out.printf("pages=%d precision=%.4f recall=%.4f F1=%.4f time=%dms%n", score.size(), score.precision(), score.recall(),
                    score.f1(), (System.nanoTime() - t0) / 1_000_000);
            out.flush();
            return 0;
        }

        static String readPage(Path htmlDir, String id) throws IOException {
            Path gz = htmlDir.resolve(id + ".html.gz");
            if (Files.exists(gz)) {
                try (InputStream in = new GZIPInputStream(Files.newInputStream(gz))) {
                    return Charsets.decode(in.readAllBytes(), null);
                }
            }
            return Charsets.decode(Files.readAllBytes(htmlDir.resolve(id + ".html")), null);
        }
    }
}
