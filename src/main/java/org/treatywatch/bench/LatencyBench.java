package org.treatywatch.bench;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.treatywatch.config.Durations;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * `bench latency`: what a subscriber waits. The real service (Quartz, poller, sender, TelegramBots)
 * polls a farm of feeds on 127.0.0.1 and sends to the Bot API simulator; once every feed has its
 * baseline, items about the treaty are published at random moments (seeded) in random feeds, and
 * each item's time from publication to sendMessage is measured, for the first chat and the last.
 */
@Command(name = "latency", mixinStandardHelpOptions = true,
        description = "Run the service against N feeds on 127.0.0.1 polled every INTERVAL and the Bot API simulator with C "
                + "subscribed chats; publish ITEMS relevant items at random moments; print each item's time from publication "
                + "to sendMessage, p50/p95/p99/max against the interval, and the alerts each chat got (one per item).")
public final class LatencyBench implements Callable<Integer> {
    private static final Pattern ITEM = Pattern.compile("/articles/(\\d+)\\.html");

    @Option(names = "--feeds", defaultValue = "200", description = "feeds (default ${DEFAULT-VALUE})")
    int feeds;

    @Option(names = "--chats", defaultValue = "20", description = "chats subscribed to the topic (default ${DEFAULT-VALUE})")
    int chats;

    @Option(names = "--items", defaultValue = "30", description = "relevant items published (default ${DEFAULT-VALUE})")
    int items;

    @Option(names = "--interval", defaultValue = "10s", description = "every feed's poll interval (default ${DEFAULT-VALUE})")
    String interval;

    @Option(names = "--over", defaultValue = "60s", description = "items are published at random moments in this time (default ${DEFAULT-VALUE})")
    String over;

    @Option(names = "--seed", defaultValue = "42", description = "random seed for the moments and feeds (default ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--templates", defaultValue = "templates", description = "templates folder (default ${DEFAULT-VALUE})")
    Path templates;

    @Spec
    CommandSpec spec;

    /** Item {@code number} published in {@code feed} at {@link System#nanoTime()} {@code atNanos}. */
    record Publication(int number, int feed, long atNanos) {}

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        Duration every = Durations.parseInterval(interval);
        Duration window = Durations.parse(over);
        // the throwaway database and feeds file go when the run ends, also on failure or Ctrl-C
        try (ScratchFolder scratch = ScratchFolder.create("treatywatch-bench-latency");
             PublishingFarm farm = new PublishingFarm(feeds); BotApiSimulator api = new BotApiSimulator();
             BenchService service = BenchService.start(scratch.path(), farm.feedsYaml(interval), api, templates, "123456:latency-bench-token")) {
            service.subscribe(chats);
            Duration baseline = service.awaitBaseline(every.multipliedBy(10).plusMinutes(2));
            out.printf("latency: %d feeds every %s, %d chats, %d items over %s (seed %d); every feed's baseline taken in %.1f s%n",
                    feeds, interval, chats, items, over, seed, baseline.toMillis() / 1000.0);
            out.flush();
            List<Publication> published = publish(farm, feeds, items, window, seed);
            awaitDeliveries(api, published.get(published.size() - 1).atNanos() + every.multipliedBy(3).toNanos()
                    + Duration.ofSeconds(items * (long) chats / 25 + 120).toNanos()); // what Telegram's 30/s lets through, and slack
            report(out, farm, published, api.sent(), every);
        }
        out.flush();
        return 0;
    }

    // Moments uniform over the window, feeds uniform: some feeds publish twice between polls, most never.
    static List<Publication> publish(PublishingFarm farm, int feeds, int items, Duration window, long seed) throws InterruptedException {
        Random random = new Random(seed);
        long[] offsets = new long[items];
        for (int i = 0; i < items; i++) offsets[i] = (long) (random.nextDouble() * window.toNanos());
        Arrays.sort(offsets);
        List<Publication> published = new ArrayList<>();
        long start = System.nanoTime();
        for (int i = 0; i < items; i++) {
            long wait = start + offsets[i] - System.nanoTime();
            if (wait > 0) Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            int feed = random.nextInt(feeds);
            farm.publish(feed, i, Instant.now());
            published.add(new Publication(i, feed, System.nanoTime()));
        }
        return published;
    }

    private void awaitDeliveries(BotApiSimulator api, long deadline) throws InterruptedException {
        while (api.sent().size() < items * chats && System.nanoTime() < deadline) Thread.sleep(200);
        Thread.sleep(2000); // a duplicate would come right behind
    }

    private void report(PrintWriter out, PublishingFarm farm, List<Publication> published, List<BotApiSimulator.Sent> sent, Duration every) {
        Map<Integer, List<BotApiSimulator.Sent>> byItem = new HashMap<>();
        Map<Long, Map<Integer, Integer>> perChat = new HashMap<>();
        int unknown = 0;
        for (BotApiSimulator.Sent s : sent) {
            int item = itemOf(s);
            if (item < 0) {
                unknown++;
                continue;
            }
            byItem.computeIfAbsent(item, k -> new ArrayList<>()).add(s);
            perChat.computeIfAbsent(s.chat(), k -> new HashMap<>()).merge(item, 1, Integer::sum);
        }
        List<Double> first = new ArrayList<>(), all = new ArrayList<>();
        out.println("item  feed  lang  first alert  last alert  chats");
        for (Publication p : published) {
            List<BotApiSimulator.Sent> got = byItem.getOrDefault(p.number(), List.of());
            double f = got.stream().mapToLong(BotApiSimulator.Sent::nanos).min().stream().mapToDouble(n -> (n - p.atNanos()) / 1e9).findFirst().orElse(Double.NaN);
            double l = got.stream().mapToLong(BotApiSimulator.Sent::nanos).max().stream().mapToDouble(n -> (n - p.atNanos()) / 1e9).findFirst().orElse(Double.NaN);
            got.forEach(s -> all.add((s.nanos() - p.atNanos()) / 1e9));
            if (!got.isEmpty()) first.add(f);
            out.printf("%4d  %4d  %-4s  %9.2f s  %8.2f s  %d%n", p.number(), p.feed(), farm.language(p.feed()), f, l, got.size());
        }
        double secs = every.toMillis() / 1000.0;
        out.printf("publication → first chat's sendMessage (%d of %d items): %s (interval %.0f s)%n", first.size(), published.size(), percentiles(first), secs);
        out.printf("publication → every chat's sendMessage (%d messages): %s%n", all.size(), percentiles(all));
        long exact = perChat.values().stream().filter(m -> m.size() == items && m.values().stream().allMatch(n -> n == 1)).count();
        long duplicates = perChat.values().stream().flatMap(m -> m.values().stream()).filter(n -> n > 1).count();
        int fewest = perChat.size() < chats ? 0 : perChat.values().stream().mapToInt(Map::size).min().orElse(0);
        int most = perChat.values().stream().mapToInt(Map::size).max().orElse(0);
        out.printf("alerts per chat: %d of %d chats got exactly one alert per item; items alerted per chat %d–%d of %d; "
                + "duplicates %d; messages naming no item %d%n", exact, chats, fewest, most, items, duplicates, unknown);
    }

    /** The number of the farm's item an alert links to, or -1. */
    static int itemOf(BotApiSimulator.Sent alert) {
        Matcher m = ITEM.matcher(alert.text());
        return m.find() ? Integer.parseInt(m.group(1)) : -1;
    }

    private static String percentiles(List<Double> values) {
        if (values.isEmpty()) return "none";
        double[] v = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return String.format("p50 %.2f s, p95 %.2f s, p99 %.2f s, max %.2f s", at(v, 0.50), at(v, 0.95), at(v, 0.99), v[v.length - 1]);
    }

    /** The q-quantile of sorted values (nearest rank). */
    static double at(double[] sorted, double q) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)];
    }
}
