package org.treatywatch.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Map;
import java.util.List;
import java.util.concurrent.Callable;
import org.treatywatch.bot.AdminActions.ImportLine;
import org.treatywatch.bot.AdminActions.ImportReport;
import org.treatywatch.config.AppConfig;
import org.treatywatch.config.Durations;
import org.treatywatch.config.FeedDef;
import org.treatywatch.config.FeedsFile;
import org.treatywatch.config.FeedsYamlWriter;
import org.treatywatch.config.Opml;
import org.treatywatch.config.Secrets;
import org.treatywatch.feed.FeedItem;
import org.treatywatch.feed.Sources;
import org.treatywatch.fetch.Charsets;
import org.treatywatch.fetch.FetchResult;
import org.treatywatch.fetch.HttpFetcher;
import org.treatywatch.fetch.UrlGuard;
import org.treatywatch.service.Administration;
import org.treatywatch.service.Pipeline;
import org.treatywatch.store.Db;
import org.treatywatch.store.FeedRow;
import org.treatywatch.store.FeedStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** Maintainers' feed tools. */
@Command(name = "feeds", mixinStandardHelpOptions = true, description = "Check feeds.yaml and its feeds.",
        subcommands = {FeedsCommand.Check.class, FeedsCommand.Export.class, FeedsCommand.Import.class})
final class FeedsCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "check", mixinStandardHelpOptions = true,
            description = "Validate feeds.yaml (every error with its line) and fetch every feed once; prints a health table. "
                    + "Exit code 1 if anything is wrong.")
    static final class Check implements Callable<Integer> {
        private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);

        @Mixin
        ConfigOptions options;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            AppConfig config = options.resolve();
            FeedsFile.Loaded loaded = FeedsFile.load(config.feedsPath());
            loaded.errors().forEach(out::println);
            HttpFetcher fetcher = new HttpFetcher(new UrlGuard(config.allowPrivateFeeds()));
            Map<String, FeedRow> stored = storedHealth(config);
            out.printf("%-24s %-4s %-3s %-5s %-6s %6s %7s  %-17s %-5s  %s%n", "id", "kind", "lng", "every", "status", "items", "ms",
                    "last success", "fails", "detail");
            int bad = 0;
            for (FeedDef f : loaded.feeds()) {
                long t0 = System.nanoTime();
                String status = "ok", detail = "";
                int count = 0;
                if (!f.enabled()) {
                    status = "off";
                } else {
                    try {
                        FetchResult r = fetcher.fetch(f.url(), null, null, true);
                        String text = Charsets.decode(r.body(), r.contentType());
                        List<FeedItem> items = Sources.of(f.kind().key()).items(text, r.finalUrl(), f.links(),
                                u -> { FetchResult more = fetcher.fetch(u, null, null, true); return Charsets.decode(more.body(), more.contentType()); });
                        count = items.size();
                        if (count == 0) detail = "no items";
                        if (r.movedPermanently()) detail = "moved permanently to " + r.finalUrl();
                    } catch (Exception e) {
                        status = "ERROR";
                        detail = e.getMessage();
                        bad++;
                    }
                }
                long ms = (System.nanoTime() - t0) / 1_000_000;
                FeedRow h = stored.get(f.id());
                String lastOk = h == null || h.lastSuccess() == null ? "-" : TIME.format(h.lastSuccess());
                String fails = h == null ? "-" : String.valueOf(h.consecutiveFailures());
                out.printf("%-24s %-4s %-3s %-5s %-6s %6d %7d  %-17s %-5s  %s%n", f.id(), f.kind().name().toLowerCase(), f.language(),
                        Durations.format(f.interval()), status, count, ms, lastOk, fails, detail);
            }
            out.flush();
            return bad == 0 && loaded.ok() ? 0 : 1;
        }

        /** The health the running service stored (last success, failures in a row), if its database exists. */
        private static Map<String, FeedRow> storedHealth(AppConfig config) {
            Map<String, FeedRow> out = new HashMap<>();
            String url = config.dbUrl();
            if (url.startsWith("jdbc:h2:file:")) {
                String path = url.substring("jdbc:h2:file:".length()).split(";")[0];
                if (!Files.exists(Path.of(path + ".mv.db"))) return out;
            }
            try (Db db = Db.open(url)) {
                for (FeedRow r : new FeedStore(db).all()) out.put(r.id(), r);
            } catch (RuntimeException e) {
                // the live check below still tells what matters
            }
            return out;
        }
    }

    @Command(name = "export", mixinStandardHelpOptions = true,
            description = "Write every feed in the database (from feeds.yaml and added by admins) as a feeds.yaml, "
                    + "with the current file's topics section, to stdout or --out FILE, for maintainers to commit.")
    static final class Export implements Callable<Integer> {
        @Mixin
        ConfigOptions options;

        @Option(names = "--out", description = "write here instead of stdout")
        Path out;

        @Option(names = "--opml", description = "write OPML 2.0 (for feed readers) instead of feeds.yaml")
        boolean opml;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws java.io.IOException {
            AppConfig config = options.resolve();
            FeedsFile.Loaded file = FeedsFile.load(config.feedsPath());
            List<FeedDef> feeds = new java.util.ArrayList<>(file.feeds());
            java.util.Map<String, String> origins = new java.util.HashMap<>();
            java.util.Set<String> ids = new java.util.HashSet<>();
            for (FeedDef f : file.feeds()) ids.add(f.id());
            try (Db db = Db.open(config.dbUrl())) {
                for (FeedRow r : new FeedStore(db).all()) {
                    origins.put(r.id(), r.origin());
                    if (!ids.contains(r.id())) feeds.add(r.listed());
                }
            } catch (RuntimeException e) {
                if (!DatabaseInUse.is(e)) throw e;
                spec.commandLine().getErr().println(DatabaseInUse.message("use the bot's /export"));
                return 1;
            }
            String y = opml ? Opml.write("treatywatch feeds", feeds)
                    : FeedsYamlWriter.write(feeds, origins,
                            Files.isRegularFile(config.feedsPath()) ? Files.readString(config.feedsPath()) : null);
            if (out != null) Files.writeString(out, y);
            else spec.commandLine().getOut().print(y);
            spec.commandLine().getOut().flush();
            return 0;
        }

    }

    @Command(name = "import", mixinStandardHelpOptions = true,
            description = "Add every feed of an OPML file as /addfeed does (address check, kind detection, one fetch), each on "
                    + "its own: bad entries are reported and skipped, the rest are added (origin: bot); a feed that cannot be "
                    + "fetched now is added too, marked failing, and retried by the scheduler. A running service "
                    + "schedules them at its next start or /reload. Exit code 1 if any entry was refused.")
    static final class Import implements Callable<Integer> {
        @Mixin
        ConfigOptions options;

        @Parameters(index = "0", paramLabel = "FILE.opml")
        Path file;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            PrintWriter out = spec.commandLine().getOut();
            if (Files.size(file) > Opml.MAX_BYTES) {
                spec.commandLine().getErr().println(file + ": larger than 1 MB; not an OPML feed list");
                return 1;
            }
            AppConfig config = options.resolve();
            ImportReport report;
            String opml = Opml.text(Files.readAllBytes(file));
            try (Pipeline p = new Pipeline(config, FeedsFile.load(config.feedsPath()))) {
                report = new Administration(p, null).importFeeds(opml);
            } catch (RuntimeException e) {
                if (!DatabaseInUse.is(e)) throw e;
                spec.commandLine().getErr().println(DatabaseInUse.message("send the OPML file to the bot"));
                return 1;
            }
            if (report.fileError().isPresent()) {
                spec.commandLine().getErr().println(file + ": " + report.fileError().get());
                return 1;
            }
            for (ImportLine l : report.lines()) {
                if (l.added().isPresent()) {
                    FeedDef d = l.added().get();
                    out.printf("added    %-24s %s (%s, %s) %s%n", d.id(), d.name(), d.kind().key(), d.language(), d.url());
                    l.down().ifPresent(why -> out.printf("         unreachable now, retried by the scheduler: %s%n", Secrets.mask(why)));
                } else if (l.offer().isPresent()) {
                    out.printf("page     %s advertises the feed %s: add that one%n", l.url(), l.offer().get());
                } else {
                    var e = l.error().orElseThrow();
                    out.printf("skipped  %s: %s (%s)%n", l.url(), e.flag().replace('_', ' '), Secrets.mask(String.valueOf(e.getMessage())));
                }
            }
            out.printf("%d of %d feeds added%s%n", report.added(), report.lines().size(),
                    report.down() == 0 ? "" : ", " + report.down() + " of them unreachable for now");
            out.flush();
            return report.added() == report.lines().size() ? 0 : 1;
        }
    }
}
