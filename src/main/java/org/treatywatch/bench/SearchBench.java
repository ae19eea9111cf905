package org.treatywatch.bench;

import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.Callable;
import org.treatywatch.search.ArchiveIndex;
import org.treatywatch.store.ItemStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * `bench search`: N archive items (Hebrew and Arabic sentences of the benchmark farm, shuffled, with
 * clitics added to some words) in an index on disk, then Q one- to three-word queries, some with
 * clitics of their own: p50, p95 and p99 per query after warm-up.
 */
@Command(name = "search", mixinStandardHelpOptions = true,
        description = "Index N Hebrew/Arabic archive items on disk and time Q searches (p50/p95/p99 per query).")
public final class SearchBench implements Callable<Integer> {
    @Option(names = "--items", defaultValue = "100000")
    int items;

    @Option(names = "--queries", defaultValue = "2000")
    int queries;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        Random random = new Random(42);
        List<String> words = vocabulary();
        Path dir = Files.createTempDirectory("treatywatch-bench-search");
        try (ArchiveIndex index = ArchiveIndex.open(Optional.of(dir), Clock.systemUTC())) {
            long t0 = System.nanoTime();
            Instant now = Instant.now();
            List<ItemStore.Archived> batch = new ArrayList<>();
            for (int i = 1; i <= items; i++) {
                batch.add(new ItemStore.Archived(i, (long) (i / 3), sentence(words, random, 12), sentence(words, random, 25), "outlet " + (i % 40),
                        "https://news.example/" + i, now.minusSeconds(random.nextInt(365 * 86400)), i % 5 == 0 ? "signing" : null, null));
                if (batch.size() == 5000) {
                    index.add(batch);
                    batch.clear();
                }
            }
            index.add(batch);
            double buildSeconds = (System.nanoTime() - t0) / 1e9;
            String[] qs = new String[queries];
            for (int i = 0; i < queries; i++) qs[i] = sentence(words, random, 1 + random.nextInt(3));
            long results = 0;
            for (String q : qs) results += index.search(q, 1).total(); // warm-up
            long[] nanos = new long[queries];
            for (int i = 0; i < queries; i++) {
                long s = System.nanoTime();
                results += index.search(qs[i], 1 + i % 3).total();
                nanos[i] = System.nanoTime() - s;
            }
            Arrays.sort(nanos);
            out.printf("search over %d items (index built in %.1f s): p50 %.2f ms, p95 %.2f ms, p99 %.2f ms per query (%d queries, %d results)%n",
                    items, buildSeconds, nanos[queries / 2] / 1e6, nanos[(int) (queries * 0.95)] / 1e6, nanos[(int) (queries * 0.99)] / 1e6,
                    queries, results);
        } finally {
            PollBench.deleteTree(dir);
        }
        out.flush();
        return 0;
    }

    private static String sentence(List<String> words, Random random, int n) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            String w = words.get(random.nextInt(words.size()));
            if (random.nextInt(4) == 0) w = (w.charAt(0) >= '\u05D0' && w.charAt(0) <= '\u05EA' ? "ו" : "وال") + w; // a clitic
            sb.append(w).append(' ');
        }
        return sb.toString().strip();
    }

    // Every word of the farm's sentences: thousands of distinct Hebrew and Arabic words.
    private static List<String> vocabulary() throws java.io.IOException {
        List<String> out = new ArrayList<>();
        for (String lang : new String[] {"he", "ar"}) {
            try (InputStream in = SearchBench.class.getResourceAsStream("/bench/farm." + lang + ".txt")) {
                for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                    if (line.startsWith("#")) continue;
                    for (String w : line.replaceFirst("^\\w\\t", "").split("[\\s:.,()\\-]+")) if (w.length() > 2) out.add(w);
                }
            }
        }
        return out;
    }
}
