package org.treatywatch.bench;

import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.treatywatch.service.Pipeline;
import org.treatywatch.config.AppConfig;
import org.treatywatch.config.FeedsFile;
import org.treatywatch.pipeline.PollReport;
import org.treatywatch.pipeline.PollRound;
import org.treatywatch.store.FeedRow;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * `bench poll`: a feed farm on 127.0.0.1 and the real pipeline into a throwaway H2 file database.
 * Three rounds: the first poll (every item new, recorded as the feed's baseline), the second (every
 * feed answers 304), and a burst (every feed publishes M new items, each fetched, extracted,
 * judged and matched against subscribed chats). The farm's own CPU is left out of the figures.
 */
@Command(name = "poll", mixinStandardHelpOptions = true,
        description = "Serve N feeds x M items on 127.0.0.1 and poll them through the real pipeline into a throwaway "
                + "database: first poll, second poll (304), and a burst of new items through detection and matching; "
                + "prints wall time, CPU time, items/s and peak heap for each.")
public final class PollBench implements Callable<Integer> {
    @Option(names = "--feeds", defaultValue = "200")
    int feeds;

    @Option(names = "--items", defaultValue = "50")
    int items;

    @Option(names = "--templates", defaultValue = "templates", description = "templates folder (default ${DEFAULT-VALUE})")
    Path templates;

    @Option(names = "--chats", defaultValue = "1000", description = "chats subscribed to the topic (default ${DEFAULT-VALUE})")
    int chats;

    @Option(names = "--parallel", defaultValue = "16", description = "feeds polled at once (default ${DEFAULT-VALUE})")
    int parallel;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        // Thousands of per-feed lines would be the benchmark's own cost; warnings still show.
        ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger("org.treatywatch")).setLevel(ch.qos.logback.classic.Level.WARN);
        Path tmp = Files.createTempDirectory("treatywatch-bench-poll");
        try (FeedFarm farm = new FeedFarm(feeds, items, 0)) {
            Path feedsYaml = tmp.resolve("feeds.yaml");
            Files.writeString(feedsYaml, farm.feedsYaml("1m"), StandardCharsets.UTF_8);
            AppConfig config = AppConfig.fromEnv(System.getenv()).withFeedsPath(feedsYaml).withDbUrl("jdbc:h2:file:" + tmp.resolve("db"))
                    .withAllowPrivateFeeds(true).withTemplatesDir(templates);
            Round start = Round.begin(farm);
            try (Pipeline p = new Pipeline(config, FeedsFile.load(feedsYaml))) {
                out.printf("start-up (database, topic, templates): %s%n", start.end(farm, 0));
                for (long c = 1; c <= chats; c++) {
                    p.chats().ensure(c, c % 2 == 0 ? "he" : "ar", "private");
                    p.chats().subscribeTopic(c);
                }
                out.printf("%d feeds x %d items on 127.0.0.1:%d, %d subscribed chats, %d polls at once%n",
                        feeds, items, farm.port(), chats, parallel);
                round(out, "first poll (all new)", p, farm);
                round(out, "second poll (all 304)", p, farm);
                farm.advance();
                round(out, "burst (all new, analysed)", p, farm);
                // what the chats get: alerts joined into one story are counted once (the rounds count rows written)
                out.printf("stories: %d; alerts in the outbox: %d%n", p.stories().latest(Integer.MAX_VALUE).size(),
                        p.outbox().count(org.treatywatch.store.OutboxRow.PENDING));
            }
        } finally {
            deleteTree(tmp);
        }
        out.flush();
        return 0;
    }

    private void round(PrintWriter out, String name, Pipeline p, FeedFarm farm) {
        List<FeedRow> rows = p.feeds().all().stream().filter(FeedRow::active).toList(); // with the ETags of the last round
        Round r = Round.begin(farm);
        List<PollReport> reports = PollRound.pollAll(p.poller(), rows, false, parallel);
        int newItems = 0, relevant = 0, queued = 0, failed = 0, notModified = 0;
        for (PollReport rep : reports) {
            newItems += rep.newItems();
            relevant += rep.relevant();
            queued += rep.queued();
            failed += rep.ok() ? 0 : 1;
            notModified += rep.notModified() ? 1 : 0;
        }
        out.printf("%-26s %s; %d new items, %d relevant, %d alerts queued, %d not modified, %d failed%n",
                name, r.end(farm, newItems), newItems, relevant, queued, notModified, failed);
        reports.stream().filter(rep -> !rep.ok()).findFirst().ifPresent(rep -> out.printf("  first failure: %s: %s%n", rep.feedId(), rep.error()));
        out.flush();
    }

    /** Wall and CPU time (the farm's threads left out), peak heap and peak resident memory of one round. */
    private record Round(long wall0, long cpu0, long farmCpu0) {
        static Round begin(FeedFarm farm) {
            System.gc();
            for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) pool.resetPeakUsage();
            ProcessStatus.resetPeakResident();
            return new Round(System.nanoTime(), ProcessStatus.cpuNanos(), farm.cpuNanos());
        }

        String end(FeedFarm farm, int items) {
            double wall = (System.nanoTime() - wall0) / 1e9;
            double cpu = (ProcessStatus.cpuNanos() - cpu0 - (farm.cpuNanos() - farmCpu0)) / 1e9;
            long heap = 0;
            for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
                if (pool.getType() == MemoryType.HEAP) heap += pool.getPeakUsage().getUsed();
            }
            return String.format("wall %.2f s, CPU %.2f s, %s items/s, peak heap %d MiB, peak RSS %s", wall, cpu,
                    items == 0 ? "-" : String.format("%.0f", items / wall), heap >> 20, ProcessStatus.describe(ProcessStatus.PEAK_RESIDENT));
        }
    }

    static void deleteTree(Path root) {
        ScratchFolder.delete(root);
    }
}
