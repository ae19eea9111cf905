package org.treatywatch.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.treatywatch.service.Pipeline;
import org.treatywatch.config.AppConfig;
import org.treatywatch.config.FeedsFile;
import org.treatywatch.pipeline.Analysis;
import org.treatywatch.pipeline.PollReport;
import org.treatywatch.store.FeedRow;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** Polls every feed once, storing and queueing alerts, or with --dry-run printing what would be sent. */
@Command(name = "poll", mixinStandardHelpOptions = true,
        description = "Poll every enabled feed once. Alerts are queued for `run` to send; with --dry-run they are printed "
                + "(in Hebrew and Arabic) and nothing is stored. Needs no Telegram token.")
final class PollCommand implements Callable<Integer> {
    @Mixin
    ConfigOptions options;

    @Option(names = "--once", required = true, description = "poll each feed once and exit (continuous polling is `run`)")
    boolean once;

    @Option(names = "--dry-run", description = "print the alerts that would be sent instead of storing and sending; "
            + "uses a throwaway in-memory database, so every item in the feeds is considered new")
    boolean dryRun;

    @Option(names = "--parallel", defaultValue = "16", description = "feeds polled at once (at most 2 connections per host "
            + "whatever this is; default ${DEFAULT-VALUE})")
    int parallel;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        AppConfig config = options.resolve();
        if (dryRun) config = config.withDbUrl("jdbc:h2:mem:dry-run-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
        FeedsFile.Loaded loaded = FeedsFile.load(config.feedsPath());
        loaded.errors().forEach(e -> spec.commandLine().getErr().println(e));
        int failures = 0;
        try (Pipeline p = new Pipeline(config, loaded)) {
            List<FeedRow> feeds = p.feeds().all().stream().filter(FeedRow::active).toList();
            List<PollReport> reports = org.treatywatch.pipeline.PollRound.pollAll(p.poller(), feeds, dryRun, parallel);
            for (int i = 0; i < feeds.size(); i++) {
                FeedRow f = feeds.get(i);
                PollReport r = reports.get(i);
                if (!r.ok()) {
                    failures++;
                    out.printf("%-24s ERROR %s%n", f.id(), r.error());
                    continue;
                }
                out.printf("%-24s %s%d items, %d new, %d relevant%s%n", f.id(), r.notModified() ? "(not modified) " : "",
                        r.items(), r.newItems(), r.relevant(), dryRun ? "" : ", " + r.queued() + " alerts queued");
                if (dryRun) printAlerts(out, p, r.alerts());
            }
        }
        out.flush();
        return failures == 0 && loaded.ok() ? 0 : 1;
    }

    private static void printAlerts(PrintWriter out, Pipeline p, List<Analysis> alerts) {
        for (Analysis a : alerts) {
            out.printf("  ▶ %s (score %.2f) %s%n", a.article().title(), a.relevance().score(), a.alert().url());
            for (String lang : org.treatywatch.text.Language.READERS) {
                out.println("  ---- alert (" + lang + ") ----");
                for (String line : p.renderer().render(a.alert(), lang).split("\n")) out.println("  " + line);
            }
        }
    }
}
