package org.treatywatch.bench;

import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.treatywatch.config.AppConfig;
import org.treatywatch.extract.Article;
import org.treatywatch.extract.ArticleExtractor;
import org.treatywatch.match.ItemFacts;
import org.treatywatch.match.SubscriptionCache;
import org.treatywatch.match.SubscriptionIndex;
import org.treatywatch.match.SyntheticLoad;
import org.treatywatch.pipeline.Analysis;
import org.treatywatch.service.Pipeline;
import org.treatywatch.service.Service;
import org.treatywatch.store.ChatStore;
import org.treatywatch.store.Db;
import org.treatywatch.store.FeedRow;
import org.treatywatch.store.OutboxRow;
import org.treatywatch.store.Subscription;

/**
 * One step of {@code bench scale}, in the JVM it runs in: the real service on a throwaway H2 file,
 * F feeds on the {@link PublishingFarm} that answer 304, S subscriptions (C chats on the whole topic,
 * the rest keyword filters of the matching workload). After every feed's first poll it measures the
 * CPU of {@code rounds} intervals of 304s, then publishes a few items about the treaty and times
 * each alert, then reads resident memory, then times matching on relevant items with an index of
 * the same subscriptions, which also says which chats each published item should have reached.
 */
final class ScaleStep {
    /** Matching is timed this many times, over the relevant items in turn, after as many untimed. */
    private static final int MATCHES = 2_000;
    /** Relevant items matching is timed on, besides those published. */
    private static final int SAMPLE_ITEMS = 200;
    private static final int SEED_BATCH = 5_000;

    record Settings(int feeds, int subscriptions, int chats, Duration interval, int rounds, int items, long seed, Path templates) {
        Settings {
            if (feeds < 1 || rounds < 1 || items < 1 || chats < 1) throw new IllegalArgumentException("feeds, rounds, items and chats must be at least 1");
            if (subscriptions < chats) throw new IllegalArgumentException("subscriptions (" + subscriptions + ") must be at least --chats (" + chats + ")");
        }
    }

    private final Settings settings;
    private final PrintWriter out;
    private final Clock clock = Clock.systemUTC();

    ScaleStep(Settings settings, PrintWriter out) {
        this.settings = settings;
        this.out = out;
    }

    /**
     * Runs the step on {@code seeded}, a database {@link #seed} wrote (a path without H2's
     * {@code .mv.db}), or on one seeded here first when null.
     */
    ScaleRow run(Path seeded) throws Exception {
        Settings s = settings;
        try (ScratchFolder scratch = ScratchFolder.create("treatywatch-bench-scale");
             PublishingFarm farm = new PublishingFarm(s.feeds()); BotApiSimulator api = new BotApiSimulator()) {
            Path database = seeded;
            if (database == null) {
                database = scratch.path().resolve("db");
                seed(database);
            }
            Path yaml = Files.writeString(scratch.path().resolve("feeds.yaml"), farm.feedsYaml(s.interval().toSeconds() + "s"), StandardCharsets.UTF_8);
            AppConfig config = AppConfig.fromEnv(Map.of()).withToken("123456:scale-bench-token").withApiUrl("http://127.0.0.1:" + api.port())
                    .withDbUrl("jdbc:h2:file:" + database).withFeedsPath(yaml).withTemplatesDir(s.templates())
                    .withAllowPrivateFeeds(true);
            ProcessStatus.resetPeakResident();
            try (Service service = Service.start(config)) {
                awaitBaseline(service.pipeline());
                Polls polls = measurePolls(farm);
                List<LatencyBench.Publication> published = LatencyBench.publish(farm, s.feeds(), s.items(), s.interval(), s.seed());
                awaitAlerts(service.pipeline(), api, published);
                Memory memory = Memory.now();
                progress("memory: resident %d MiB (peak %d MiB); heap committed %d MiB, used after GC %d MiB; outside the heap (classes, code) %d MiB committed",
                        memory.resident, memory.peak, memory.heapCommitted, memory.heapAfterGc, memory.nonHeapCommitted);
                Matching matching = match(service.pipeline(), farm, published);
                Alerts alerts = Alerts.of(published, api.sent(), matching.expected);
                progress("alerts: %d messages; %d of %d items reached exactly their %s matched chats, once each",
                        alerts.messages, alerts.exact, published.size(), matching.expected.values().stream().map(Set::size).distinct().sorted().toList());
                return new ScaleRow(s.feeds(), s.subscriptions(), polls.count, polls.cpuMs / Math.max(1, polls.count), memory.resident, memory.peak,
                        memory.heapAfterGc, matching.p50Ms, matching.p99Ms, alerts.p50s, alerts.p99s, alerts.exact, published.size());
            }
        }
    }

    private void progress(String format, Object... args) {
        out.printf("%,d feeds, %,d subscriptions: %s%n", settings.feeds(), settings.subscriptions(), String.format(format, args));
        out.flush();
    }

    /**
     * Writes the step's subscriptions into a new database: C chats on the whole topic (whose alerts are
     * awaited and timed), the rest one keyword filter a chat. Done before the service starts — as a
     * service restarted with that many would find them — and by the parent JVM when the step runs in a
     * child, so the load's garbage is not counted as the service's memory.
     */
    void seed(Path database) {
        try (Db db = Db.open("jdbc:h2:file:" + database)) {
            subscribe(new ChatStore(db));
        }
    }

    private void subscribe(ChatStore chats) {
        long t0 = System.nanoTime();
        List<Subscription> subs = new ArrayList<>(settings.subscriptions());
        for (long c = 1; c <= settings.chats(); c++) subs.add(new Subscription(0, c, c % 2 == 0 ? "he" : "ar", Subscription.TREATY, ""));
        for (Subscription k : new SyntheticLoad(settings.seed()).keywordSubscriptions(settings.subscriptions() - settings.chats())) {
            subs.add(new Subscription(0, settings.chats() + 1 + k.chatId(), k.language(), k.topic(), k.filter()));
        }
        // a few thousand rows a transaction: H2 holds a transaction's changes in the heap
        for (int from = 0; from < subs.size(); from += SEED_BATCH) chats.addSubscriptions(subs.subList(from, Math.min(subs.size(), from + SEED_BATCH)));
        progress("%,d subscriptions stored in %.1f s", chats.countSubscriptions(), (System.nanoTime() - t0) / 1e9);
    }

    private void awaitBaseline(Pipeline pipeline) throws InterruptedException {
        long t0 = System.nanoTime();
        long deadline = t0 + settings.interval().multipliedBy(10).plusMinutes(5).toNanos();
        while (!pipeline.feeds().all().stream().allMatch(FeedRow::initialized)) {
            if (System.nanoTime() > deadline) throw new IllegalStateException("the service never polled every feed");
            Thread.sleep(1000);
        }
        progress("every feed's first poll done in %.1f s", (System.nanoTime() - t0) / 1e9);
    }

    private record Polls(long count, double cpuMs) {}

    // The farm answers 304 to every poll now: the service's CPU over whole intervals, the farm's own left out.
    // The first interval is not counted: the 304 path is compiled then, and the baseline's garbage collected.
    private Polls measurePolls(PublishingFarm farm) throws InterruptedException {
        Thread.sleep(settings.interval().toMillis());
        long requests0 = farm.feedRequests(), notModified0 = farm.notModified(), cpu0 = ProcessStatus.cpuNanos() - farm.cpuNanos();
        long t0 = System.nanoTime();
        Thread.sleep(settings.interval().multipliedBy(settings.rounds()).toMillis());
        double seconds = (System.nanoTime() - t0) / 1e9;
        long polls = farm.feedRequests() - requests0, notModified = farm.notModified() - notModified0;
        double cpuMs = (ProcessStatus.cpuNanos() - farm.cpuNanos() - cpu0) / 1e6;
        progress("%,d polls in %.0f s (%,d answered 304; %.0f a second, %d rounds expected %,d): CPU %.0f ms, %.2f ms a poll",
                polls, seconds, notModified, polls / seconds, settings.rounds(), (long) settings.feeds() * settings.rounds(), cpuMs, cpuMs / Math.max(1, polls));
        return new Polls(polls, cpuMs);
    }

    // Done when every whole-topic chat has had every item (an item's deliveries are queued in one
    // transaction, so all of them are then queued) and nothing is left to send.
    private void awaitAlerts(Pipeline pipeline, BotApiSimulator api, List<LatencyBench.Publication> published) throws InterruptedException {
        long deadline = published.get(published.size() - 1).atNanos() + settings.interval().multipliedBy(3).plusMinutes(3).toNanos();
        while (System.nanoTime() < deadline) {
            Set<Long> watcherAlerts = new HashSet<>();
            for (BotApiSimulator.Sent m : api.sent()) {
                int item = LatencyBench.itemOf(m);
                if (item >= 0 && m.chat() <= settings.chats()) watcherAlerts.add(m.chat() * settings.items() + item);
            }
            boolean queued = watcherAlerts.size() == settings.chats() * settings.items();
            if (queued && pipeline.outbox().count(OutboxRow.PENDING) == 0 && pipeline.outbox().count(OutboxRow.SENDING) == 0) break;
            Thread.sleep(500);
        }
        Thread.sleep(2000); // a duplicate would come right behind
    }

    /** Resident now and at its peak; the heap as committed (what of it is resident) and as used after a full collection; the rest committed outside the heap. */
    private record Memory(long resident, long peak, long heapCommitted, long heapAfterGc, long nonHeapCommitted) {
        static Memory now() {
            long resident = ProcessStatus.mib(ProcessStatus.RESIDENT).orElse(-1), peak = ProcessStatus.mib(ProcessStatus.PEAK_RESIDENT).orElse(-1);
            MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
            long committed = memory.getHeapMemoryUsage().getCommitted() >> 20;
            System.gc();
            return new Memory(resident, peak, committed, memory.getHeapMemoryUsage().getUsed() >> 20, memory.getNonHeapMemoryUsage().getCommitted() >> 20);
        }
    }

    private record Matching(double p50Ms, double p99Ms, Map<Integer, Set<Long>> expected) {}

    /**
     * Matching as the poller does it, on relevant items the farm serves: each page extracted and
     * judged, its facts matched by an index built as the service builds its own. The published
     * items' matches are the chats each should have reached.
     */
    private Matching match(Pipeline pipeline, PublishingFarm farm, List<LatencyBench.Publication> published) {
        SubscriptionIndex index = new SubscriptionCache(pipeline.chats()).current(clock.instant());
        Map<Integer, Set<Long>> expected = new HashMap<>();
        List<ItemFacts> relevant = new ArrayList<>();
        for (LatencyBench.Publication p : published) {
            ItemFacts facts = facts(pipeline, farm, p.feed(), p.number());
            Set<Long> chats = new HashSet<>();
            if (facts != null) {
                index.match(facts).forEachTarget((chat, lang, thread) -> chats.add(chat));
                relevant.add(facts);
            }
            expected.put(p.number(), chats);
        }
        Random random = new Random(settings.seed());
        for (int i = 0; i < SAMPLE_ITEMS; i++) {
            ItemFacts facts = facts(pipeline, farm, random.nextInt(settings.feeds()), settings.items() + i);
            if (facts != null) relevant.add(facts);
        }
        if (relevant.isEmpty()) throw new IllegalStateException("no item of the farm was judged relevant: nothing to match");
        long matched = 0;
        for (int i = 0; i < MATCHES; i++) matched += index.match(relevant.get(i % relevant.size())).size(); // warm-up
        double[] millis = new double[MATCHES];
        for (int i = 0; i < MATCHES; i++) {
            long t0 = System.nanoTime();
            matched += index.match(relevant.get(i % relevant.size())).size();
            millis[i] = (System.nanoTime() - t0) / 1e6;
        }
        Arrays.sort(millis);
        progress("matching %,d subscriptions: %d relevant items, %,d timed matches, %.1f chats matched per item: p50 %.4f ms, p99 %.4f ms",
                index.size(), relevant.size(), MATCHES, matched / (2.0 * MATCHES), LatencyBench.at(millis, 0.5), LatencyBench.at(millis, 0.99));
        return new Matching(LatencyBench.at(millis, 0.5), LatencyBench.at(millis, 0.99), expected);
    }

    /** The facts the poller would match for this item of the farm, or null if it is not judged relevant. */
    private static ItemFacts facts(Pipeline pipeline, PublishingFarm farm, int feed, int number) {
        PublishingFarm.Page page = farm.page(feed, number);
        Article extracted = ArticleExtractor.extract(page.html(), page.url());
        // the poller titles an article with its feed's title, as here
        Article article = new Article(page.title(), extracted.paragraphs(), extracted.published(), extracted.language(),
                extracted.canonicalUrl(), extracted.image());
        Analysis a = pipeline.analyzer().analyse(article, "pub " + feed, page.url());
        return a.relevance().relevant() ? ItemFacts.of("pub-" + feed, a.article().title(), a.article().text()) : null;
    }

    /** Publication → sendMessage of every alert, and how many items reached exactly the chats they match, once each. */
    private record Alerts(int messages, int exact, double p50s, double p99s) {
        static Alerts of(List<LatencyBench.Publication> published, List<BotApiSimulator.Sent> sent, Map<Integer, Set<Long>> expected) {
            Map<Integer, Map<Long, Integer>> perItem = new HashMap<>();
            Map<Integer, Long> publishedAt = new HashMap<>();
            published.forEach(p -> publishedAt.put(p.number(), p.atNanos()));
            List<Double> seconds = new ArrayList<>();
            for (BotApiSimulator.Sent m : sent) {
                int item = LatencyBench.itemOf(m);
                if (!publishedAt.containsKey(item)) continue;
                perItem.computeIfAbsent(item, k -> new HashMap<>()).merge(m.chat(), 1, Integer::sum);
                seconds.add((m.nanos() - publishedAt.get(item)) / 1e9);
            }
            int exact = 0;
            for (LatencyBench.Publication p : published) {
                Map<Long, Integer> got = perItem.getOrDefault(p.number(), Map.of());
                Set<Long> want = expected.getOrDefault(p.number(), Set.of());
                if (!want.isEmpty() && got.keySet().equals(want) && got.values().stream().allMatch(n -> n == 1)) exact++;
            }
            double[] sorted = seconds.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            return new Alerts(sent.size(), exact, sorted.length == 0 ? Double.NaN : LatencyBench.at(sorted, 0.5),
                    sorted.length == 0 ? Double.NaN : LatencyBench.at(sorted, 0.99));
        }
    }
}
