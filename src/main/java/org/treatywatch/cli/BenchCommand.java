package org.treatywatch.cli;

import java.io.PrintWriter;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.concurrent.Callable;
import org.treatywatch.service.Topic;
import org.treatywatch.config.AppConfig;
import org.treatywatch.config.FeedsFile;
import org.treatywatch.detect.Relevance;
import org.treatywatch.detect.TopicDetector;
import org.treatywatch.bench.BotApiSimulator;
import org.treatywatch.bench.LatencyBench;
import org.treatywatch.bench.LeadTimeBench;
import org.treatywatch.bench.PollBench;
import org.treatywatch.bench.ScaleBench;
import org.treatywatch.bench.ScratchFolder;
import org.treatywatch.bench.SearchBench;
import org.treatywatch.bench.SoakBench;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Benchmarks, so timing goals are measured on the machine at hand rather than asserted in tests. */
@Command(name = "bench", mixinStandardHelpOptions = true, description = "Measure throughput on this machine.",
        subcommands = {BenchCommand.Detection.class, BenchCommand.Delivery.class, BenchCommand.Matching.class, PollBench.class, SearchBench.class,
                LatencyBench.class, LeadTimeBench.class, SoakBench.class, ScaleBench.class, FarmCommand.class})
final class BenchCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "detection", mixinStandardHelpOptions = true,
            description = "Normalization + tokenization + treaty detection of a 1,000-word Hebrew or Arabic article, "
                    + "on one thread, after warm-up: mean, p50 and p99 per article.")
    static final class Detection implements Callable<Integer> {
        @Mixin
        ConfigOptions options;

        @Option(names = "--iterations", defaultValue = "20000")
        int iterations;

        @Option(names = "--words", defaultValue = "1000")
        int words;

        @Spec
        CommandSpec spec;

        /** Sentences an article is built from, from bench/sentences.<lang>.txt. */
        static String[] sentences(String lang) {
            try (java.io.InputStream in = BenchCommand.class.getResourceAsStream("/bench/sentences." + lang + ".txt")) {
                return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).lines().filter(l -> !l.isBlank())
                        .toArray(String[]::new);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            AppConfig config = options.resolve();
            TopicDetector detector = Topic.detector(FeedsFile.load(config.feedsPath()), org.treatywatch.config.GazetteerFile.load(config.templatesDir()));
            for (String lang : new String[] {"ar", "he"}) {
                String article = article(sentences(lang), words);
                long[] nanos = new long[iterations];
                int relevant = 0;
                for (int i = 0; i < iterations / 2; i++) relevant += detector.detect("", article).relevant() ? 1 : 0; // warm-up
                for (int i = 0; i < iterations; i++) {
                    long t0 = System.nanoTime();
                    Relevance r = detector.detect("", article);
                    nanos[i] = System.nanoTime() - t0;
                    relevant += r.relevant() ? 1 : 0;
                }
                Arrays.sort(nanos);
                double mean = Arrays.stream(nanos).average().orElse(0) / 1000.0;
                out.printf("%s %d words: mean %.1f µs, p50 %.1f µs, p99 %.1f µs per article (%d iterations, relevant=%b)%n",
                        lang.equals("ar") ? "arabic" : "hebrew", words, mean, nanos[iterations / 2] / 1000.0,
                        nanos[(int) (iterations * 0.99)] / 1000.0, iterations, relevant > 0);
            }
            out.flush();
            return 0;
        }

        static String article(String[] sentences, int words) {
            StringBuilder sb = new StringBuilder();
            int count = 0;
            for (int i = 0; count < words; i++) {
                String s = sentences[i % sentences.length];
                sb.append(s).append(i % 3 == 2 ? "\n" : " ");
                count += s.split("\\s+").length;
            }
            return sb.toString();
        }
    }

    @Command(name = "delivery", mixinStandardHelpOptions = true,
            description = "Fan-out of one alert to N subscribed chats through the real sender and TelegramBots client, against "
                    + "a Bot API simulator on 127.0.0.1 that enforces Telegram's limits (429 with retry_after). Reports "
                    + "messages/s, 429s received, total time and peak heap.")
    static final class Delivery implements Callable<Integer> {
        @Option(names = "--chats", defaultValue = "10000")
        int chats;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            PrintWriter out = spec.commandLine().getOut();
            try (ScratchFolder tmp = ScratchFolder.create("treatywatch-bench-delivery")) { // its database is hundreds of MB
                deliver(out, tmp.path());
            }
            out.flush();
            return 0;
        }

        private void deliver(PrintWriter out, java.nio.file.Path tmp) throws Exception {
            try (BotApiSimulator api = new BotApiSimulator();
                 org.treatywatch.store.Db db = org.treatywatch.store.Db.open("jdbc:h2:file:" + tmp.resolve("db"))) {
                org.treatywatch.store.ChatStore chatStore = new org.treatywatch.store.ChatStore(db);
                org.treatywatch.store.OutboxStore outbox = new org.treatywatch.store.OutboxStore(db);
                new org.treatywatch.store.FeedStore(db).add(new org.treatywatch.config.FeedDef("bench", "bench", "https://example.org/rss",
                        org.treatywatch.config.FeedDef.Kind.RSS, "ar", java.time.Duration.ofHours(1), true, java.util.Optional.empty()), "bot");
                java.util.Map<Long, String> bodies = new java.util.HashMap<>();
                for (long c = 1; c <= chats; c++) {
                    chatStore.ensure(c, c % 2 == 0 ? "he" : "ar", "private");
                    chatStore.subscribeTopic(c);
                    bodies.put(c, "🔔 <b>benchmark alert</b> " + c);
                }
                new org.treatywatch.store.PollRecorder(db).record("bench", java.util.List.of(new org.treatywatch.store.PollRecorder.NewItem(
                        new org.treatywatch.store.StoredItem(0, "bench", "g", "https://example.org/1", "t", null, "ar", "relevant", 1, ""),
                        bodies)), java.time.Instant.now());
                okhttp3.OkHttpClient http = new okhttp3.OkHttpClient();
                var client = new org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient(http, "1:bench",
                        new org.telegram.telegrambots.meta.TelegramUrl("http", "127.0.0.1", api.port(), false));
                var templates = new org.treatywatch.deliver.Templates(java.nio.file.Path.of("templates"));
                long peakHeap = 0;
                Runtime rt = Runtime.getRuntime();
                long t0 = System.nanoTime();
                try (org.treatywatch.deliver.Sender sender = new org.treatywatch.deliver.Sender(outbox, chatStore, client, false,
                        new org.treatywatch.deliver.DigestComposer(outbox, chatStore, templates))) {
                    sender.start();
                    while (api.delivered.get() < chats) {
                        Thread.sleep(200);
                        peakHeap = Math.max(peakHeap, rt.totalMemory() - rt.freeMemory());
                    }
                }
                double seconds = (System.nanoTime() - t0) / 1e9;
                out.printf("delivery: %d chats in %.1f s = %.1f messages/s; 429 received: %d; peak heap %d MB; database %d MB%n",
                        chats, seconds, chats / seconds, api.tooMany.get(), peakHeap / (1024 * 1024), db.sizeBytes().orElse(0) >> 20);
                http.dispatcher().executorService().shutdown();
            }
        }
    }

    @Command(name = "matching", mixinStandardHelpOptions = true,
            description = "Match articles (400 words, Zipf-distributed) against N subscriptions (10%% whole topic, the rest 1–5 "
                    + "keywords from a 5,000-word vocabulary, with excludes and feed limits) with the index and with a naive scan, in the same run: p50/p99 per article and the ratio.")
    static final class Matching implements Callable<Integer> {
        @Option(names = "--subscriptions", defaultValue = "100000")
        int subscriptions;

        @Option(names = "--articles", defaultValue = "2000")
        int articles;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            org.treatywatch.match.SyntheticLoad load = new org.treatywatch.match.SyntheticLoad(42);
            java.util.List<org.treatywatch.store.Subscription> subs = load.subscriptions(subscriptions);
            long b0 = System.nanoTime();
            org.treatywatch.match.SubscriptionIndex index = new org.treatywatch.match.SubscriptionIndex(subs);
            long buildMs = (System.nanoTime() - b0) / 1_000_000;
            java.util.List<org.treatywatch.match.ItemFacts> items = load.articles(Math.min(articles, 200));
            long[] indexed = new long[articles], naive = new long[Math.max(1, articles / 20)];
            long matched = 0;
            for (int i = 0; i < articles; i++) matched += index.match(items.get(i % items.size())).size(); // warm-up
            for (int i = 0; i < articles; i++) {
                long t0 = System.nanoTime();
                matched += index.match(items.get(i % items.size())).size();
                indexed[i] = System.nanoTime() - t0;
            }
            for (int i = 0; i < naive.length; i++) {
                long t0 = System.nanoTime();
                matched += org.treatywatch.match.SubscriptionMatcher.match(subs, items.get(i % items.size())).size();
                naive[i] = System.nanoTime() - t0;
            }
            java.util.Arrays.sort(indexed);
            java.util.Arrays.sort(naive);
            double p50 = indexed[articles / 2] / 1e6, p99 = indexed[(int) (articles * 0.99)] / 1e6;
            double n50 = naive[naive.length / 2] / 1e6, n99 = naive[(int) (naive.length * 0.99)] / 1e6;
            // whether the heap is big enough shows here first: a starved heap collects over and over
            long gcCount = 0, gcMillis = 0;
            for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
                gcCount += Math.max(0, gc.getCollectionCount());
                gcMillis += Math.max(0, gc.getCollectionTime());
            }
            out.printf("matching %d subscriptions (index built in %d ms), %d articles: index p50 %.3f ms, p99 %.3f ms; "
                    + "naive scan p50 %.2f ms, p99 %.2f ms; index is %.0fx faster at p50 (checksum %d); "
                    + "GC %d collections, %d ms, max heap %d MiB%n",
                    subscriptions, buildMs, articles, p50, p99, n50, n99, n50 / p50, matched, gcCount, gcMillis,
                    Runtime.getRuntime().maxMemory() / (1024 * 1024));
            out.flush();
            return 0;
        }
    }
}
