package org.treatywatch.bench;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.slf4j.LoggerFactory;
import org.treatywatch.config.Durations;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * `bench scale`: the scale curve. Each step — F feeds with S subscriptions — runs the real service
 * in a fresh JVM started with this one's settings (the start script's), so its resident memory is
 * its own; the steps' rows make one table, and the goals are checked at the largest.
 */
@Command(name = "scale", mixinStandardHelpOptions = true,
        description = "The scale curve: for each step (F feeds paired with S subscriptions) run the service in a fresh JVM with "
                + "these JVM settings against F feeds on 127.0.0.1 that answer 304, and print CPU per poll, resident memory "
                + "and heap after GC, matching p50/p99 per relevant item against the S subscriptions, and publication → "
                + "sendMessage p50/p99 of a few items about the treaty published meanwhile.")
public final class ScaleBench implements Callable<Integer> {
    @Option(names = "--feeds", split = ",", defaultValue = "200,2000,10000", description = "feeds at each step (default ${DEFAULT-VALUE})")
    List<Integer> feeds;

    @Option(names = "--subs", split = ",", defaultValue = "1000,10000,100000",
            description = "subscriptions at each step, paired with --feeds: --chats on the whole topic, the rest keyword filters (default ${DEFAULT-VALUE})")
    List<Integer> subscriptions;

    @Option(names = "--interval", defaultValue = "30s", description = "every feed's poll interval (default ${DEFAULT-VALUE})")
    String interval;

    @Option(names = "--rounds", defaultValue = "3", description = "intervals of 304s the CPU is measured over, after one to warm up (default ${DEFAULT-VALUE})")
    int rounds;

    @Option(names = "--items", defaultValue = "5", description = "items about the treaty published during each step, over one interval (default ${DEFAULT-VALUE})")
    int items;

    @Option(names = "--chats", defaultValue = "10", description = "chats subscribed to the whole topic, which every item reaches (default ${DEFAULT-VALUE})")
    int chats;

    @Option(names = "--seed", defaultValue = "42", description = "random seed for subscriptions, moments and feeds (default ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--templates", defaultValue = "templates", description = "templates folder (default ${DEFAULT-VALUE})")
    Path templates;

    @Option(names = "--this-jvm", description = "run every step in this JVM instead of a fresh one each (memory then includes the steps before)")
    boolean thisJvm;

    /** Where a child JVM writes its row for the parent. */
    @Option(names = "--row-file", hidden = true)
    Path rowFile;

    /** The database the parent seeded for a child JVM's step. */
    @Option(names = "--seeded-db", hidden = true)
    Path seededDb;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        if (subscriptions.size() != feeds.size()) {
            throw new ParameterException(spec.commandLine(), "--feeds and --subs need as many steps each, not " + feeds.size() + " and " + subscriptions.size());
        }
        Duration every = Durations.parseInterval(interval);
        List<ScaleRow> rows = new ArrayList<>();
        boolean failed = false;
        for (int i = 0; i < feeds.size(); i++) {
            ScaleStep.Settings step = new ScaleStep.Settings(feeds.get(i), subscriptions.get(i), chats, every, rounds, items, seed, templates);
            if (thisJvm) {
                rows.add(runHere(step, seededDb, out));
            } else {
                ScaleRow row = runInChild(step, out);
                if (row == null) failed = true;
                else rows.add(row);
            }
        }
        if (rowFile != null) {
            Files.writeString(rowFile, rows.get(0).toLine(), StandardCharsets.UTF_8);
        } else if (!rows.isEmpty()) {
            out.printf("scale curve: every feed every %s, CPU over %d intervals of 304s, %d items published per step, %d whole-topic chats%n",
                    interval, rounds, items, chats);
            ScaleRow.printTable(out, rows);
            ScaleRow.printGoals(out, rows);
        }
        out.flush();
        return failed ? 1 : 0;
    }

    private static ScaleRow runHere(ScaleStep.Settings step, Path seeded, PrintWriter out) throws Exception {
        // the service logs every feed it schedules; warnings still show
        ((Logger) LoggerFactory.getLogger("org.treatywatch")).setLevel(Level.WARN);
        ScaleRow row = new ScaleStep(step, out).run(seeded);
        // the update loop's request in flight is cancelled by the shutdown: not an error worth a stack trace here
        ((Logger) LoggerFactory.getLogger("org.telegram")).setLevel(Level.OFF);
        return row;
    }

    /** The step in a fresh JVM; its lines are passed on as they come. Null if it failed. */
    private ScaleRow runInChild(ScaleStep.Settings step, PrintWriter out) throws Exception {
        try (ScratchFolder scratch = ScratchFolder.create("treatywatch-bench-scale-step")) {
            Path row = scratch.path().resolve("row.tsv"), database = scratch.path().resolve("db");
            ((Logger) LoggerFactory.getLogger("org.treatywatch")).setLevel(Level.WARN);
            new ScaleStep(step, out).seed(database);
            List<String> args = List.of("bench", "scale", "--this-jvm", "--row-file", row.toString(), "--seeded-db", database.toString(),
                    "--feeds", String.valueOf(step.feeds()), "--subs", String.valueOf(step.subscriptions()), "--interval", interval,
                    "--rounds", String.valueOf(rounds), "--items", String.valueOf(items), "--chats", String.valueOf(chats),
                    "--seed", String.valueOf(seed), "--templates", templates.toString());
            int code = ChildJvm.run(args, line -> {
                out.println("  " + line);
                out.flush();
            });
            if (code != 0 || !Files.exists(row)) {
                out.printf("step of %,d feeds and %,d subscriptions failed (exit code %d)%n", step.feeds(), step.subscriptions(), code);
                return null;
            }
            return ScaleRow.parse(Files.readString(row, StandardCharsets.UTF_8));
        }
    }
}
