package org.treatywatch.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.treatywatch.bench.FeedFarm;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Serves the benchmark feed farm until stopped, so another reader can be measured on the same feeds. */
@Command(name = "farm", mixinStandardHelpOptions = true,
        description = "Serve N RSS feeds x M items (ETag + 304, Hebrew and Arabic, every 7th item about the treaty, "
                + "article pages) on loopback hosts 127.0.0.1 ... 127.0.0.H until stopped; writes feeds.yaml (treatywatch) and urls (newsboat) for them.")
final class FarmCommand implements Callable<Integer> {
    @Option(names = "--feeds", defaultValue = "200")
    int feeds;

    @Option(names = "--items", defaultValue = "50")
    int items;

    @Option(names = "--port", defaultValue = "0", description = "port on every host (0: any free one)")
    int port;

    @Option(names = "--hosts", defaultValue = "50",
            description = "spread the feeds over this many loopback hosts, 127.0.0.1 ... 127.0.0.H, as real outlets are (1 to "
                    + FeedFarm.MAX_HOSTS + ", default ${DEFAULT-VALUE})")
    int hosts;

    @Option(names = "--out", defaultValue = "farm", description = "folder for feeds.yaml and urls (default ${DEFAULT-VALUE})")
    Path out;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter w = spec.commandLine().getOut();
        try (FeedFarm farm = new FeedFarm(feeds, items, port, hosts)) {
            Files.createDirectories(out);
            Files.writeString(out.resolve("feeds.yaml"), farm.feedsYaml("1m"), StandardCharsets.UTF_8);
            Files.writeString(out.resolve("urls"), farm.urlList(), StandardCharsets.UTF_8);
            w.printf("serving %d feeds x %d items on %d hosts, http://127.0.0.1:%d/feeds/0.xml ... http://127.0.0.%d:%d/ (%s/feeds.yaml, %s/urls); Ctrl-C stops%n",
                    feeds, items, farm.hosts(), farm.port(), Math.min(feeds, farm.hosts()), farm.port(), out, out);
            w.flush();
            new CountDownLatch(1).await();
        }
        return 0;
    }
}
