package org.treatywatch.bench;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import org.treatywatch.config.AppConfig;
import org.treatywatch.service.Service;
import org.treatywatch.store.FeedRow;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * `bench soak`: the real service (scheduler, sender, Telegram long polling against a Bot API
 * simulator) on a throwaway H2 file, polling a farm on 127.0.0.1 whose feeds never change, so
 * every poll after the first answers 304. Prints the database file's size every minute: a healthy
 * quiet service must not grow it.
 */
@Command(name = "soak", mixinStandardHelpOptions = true,
        description = "Run the real service for a while against N feeds on 127.0.0.1 that answer 304 at the shortest "
                + "interval, and print the H2 file's size every minute and its growth.")
public final class SoakBench implements Callable<Integer> {
    private static final double MB = 1024 * 1024;

    @Option(names = "--feeds", defaultValue = "200", description = "feeds on the farm (default ${DEFAULT-VALUE})")
    int feeds;

    @Option(names = "--items", defaultValue = "20", description = "items per feed (default ${DEFAULT-VALUE})")
    int items;

    @Option(names = "--interval", defaultValue = "5s", description = "each feed's interval (default ${DEFAULT-VALUE}, the shortest allowed)")
    String interval;

    @Option(names = "--minutes", defaultValue = "10", description = "how long to run after the first poll of every feed (default ${DEFAULT-VALUE})")
    int minutes;

    @Option(names = "--templates", defaultValue = "templates", description = "templates folder (default ${DEFAULT-VALUE})")
    Path templates;

    @Spec
    CommandSpec spec;

    private final Clock clock = Clock.systemUTC();

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        // the service logs every feed it schedules; warnings still show
        ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger("org.treatywatch")).setLevel(ch.qos.logback.classic.Level.WARN);
        try (ScratchFolder scratch = ScratchFolder.create("treatywatch-bench-soak");
             FeedFarm farm = new FeedFarm(feeds, items, 0); BotApiSimulator telegram = new BotApiSimulator()) {
            Path tmp = scratch.path();
            Path feedsYaml = tmp.resolve("feeds.yaml");
            Files.writeString(feedsYaml, farm.feedsYaml(interval), StandardCharsets.UTF_8);
            AppConfig config = AppConfig.fromEnv(Map.of()).withToken("1:soak").withApiUrl("http://127.0.0.1:" + telegram.port())
                    .withFeedsPath(feedsYaml).withDbUrl("jdbc:h2:file:" + tmp.resolve("db")).withAllowPrivateFeeds(true)
                    .withTemplatesDir(templates);
            try (Service service = Service.start(config)) {
                int scheduled = service.scheduling().scheduledFeeds().size();
                if (scheduled != feeds) { // a soak of fewer feeds than asked would measure the wrong thing
                    throw new IllegalStateException("the service scheduled " + scheduled + " of the farm's " + feeds
                            + " feeds (--interval must be 5s .. 24h)");
                }
                out.printf("%d feeds x %d items on 127.0.0.1:%d, every %s; waiting for every feed's first poll%n",
                        feeds, items, farm.port(), interval);
                out.flush();
                awaitBaseline(service);
                soak(out, service, farm);
            }
        }
        out.flush();
        return 0;
    }

    // The first poll of each feed stores its items (the baseline): that growth is not what is measured.
    private static void awaitBaseline(Service service) throws InterruptedException {
        while (!service.pipeline().feeds().all().stream().allMatch(FeedRow::initialized)) Thread.sleep(500);
    }

    private void soak(PrintWriter out, Service service, FeedFarm farm) throws InterruptedException {
        long start = size(service), previous = start, polls0 = farm.notModified(), cpu0 = serviceCpu(farm);
        Instant t0 = clock.instant();
        out.printf("minute  0: database %.1f MB after the first poll of every feed%n", start / MB);
        out.flush();
        for (int minute = 1; minute <= minutes; minute++) {
            Duration left = Duration.between(clock.instant(), t0.plus(Duration.ofMinutes(minute)));
            if (!left.isNegative()) Thread.sleep(left.toMillis());
            long now = size(service);
            out.printf("minute %2d: database %.1f MB (%+.2f MB in the last minute, %+.2f MB in all); %d polls answered 304%n",
                    minute, now / MB, (now - previous) / MB, (now - start) / MB, farm.notModified() - polls0);
            out.flush();
            previous = now;
        }
        long end = size(service), polls = farm.notModified() - polls0;
        out.printf("soak: %d minutes of 304s (%d polls): database %.1f MB -> %.1f MB, growth %+.2f MB (%+.3f MB a minute)%n",
                minutes, polls, start / MB, end / MB, (end - start) / MB, (end - start) / MB / Math.max(1, minutes));
        if (polls > 0) {
            out.printf("CPU %.2f ms a poll (scheduler, sender and update loop included, the farm left out); resident memory %s%n",
                    (serviceCpu(farm) - cpu0) / 1e6 / polls, ProcessStatus.describe(ProcessStatus.RESIDENT));
        }
    }

    private static long serviceCpu(FeedFarm farm) {
        return ProcessStatus.cpuNanos() - farm.cpuNanos();
    }

    private static long size(Service service) {
        OptionalLong size = service.pipeline().db().sizeBytes();
        return size.orElse(0);
    }
}
