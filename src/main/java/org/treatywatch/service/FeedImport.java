package org.treatywatch.service;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.treatywatch.bot.AddFeedException;
import org.treatywatch.bot.AdminActions.Added;
import org.treatywatch.bot.AdminActions.ImportLine;
import org.treatywatch.bot.AdminActions.ImportReport;
import org.treatywatch.config.FeedDef;
import org.treatywatch.config.Opml;
import org.treatywatch.store.FeedStore;
import org.treatywatch.text.Language;

/**
 * An OPML feed list imported entry by entry, each as /addfeed would add it. A feed that is down at
 * the moment (refused connection, timeout, an HTTP error) is added all the same, as feed readers
 * do, and reported as down; an entry that could never work (a bad address, a scheme other than
 * http(s), an address the SSRF guard refuses, a bad interval, a URL already listed) is refused.
 */
final class FeedImport {
    private static final Logger log = LoggerFactory.getLogger(FeedImport.class);
    /** An import of many slow feeds still ends: entries after this are reported as not tried. */
    static final Duration BUDGET = Duration.ofMinutes(5);

    private final FeedStore feeds;
    private final Administration administration;

    FeedImport(FeedStore feeds, Administration administration) {
        this.feeds = feeds;
        this.administration = administration;
    }

    ImportReport run(String opml) {
        List<Opml.Entry> entries;
        try {
            entries = Opml.read(opml);
        } catch (IllegalArgumentException e) {
            return new ImportReport(Optional.of(e.getMessage()), List.of());
        }
        List<ImportLine> lines = new ArrayList<>();
        long deadline = System.nanoTime() + BUDGET.toNanos();
        for (Opml.Entry e : entries) {
            if (System.nanoTime() > deadline) { // each fetch is bounded; so is the whole file
                lines.add(refused(e, new AddFeedException(AddFeedException.Reason.UNREACHABLE,
                        "not tried: the import's " + BUDGET.toMinutes() + "-minute budget ran out")));
                continue;
            }
            try {
                lines.add(add(e));
            } catch (AddFeedException ex) {
                lines.add(refused(e, ex));
            }
        }
        ImportReport report = new ImportReport(Optional.empty(), lines);
        log.info("OPML import: {} of {} feeds added, {} of them unreachable for now", report.added(), lines.size(), report.down());
        return report;
    }

    private ImportLine add(Opml.Entry e) throws AddFeedException {
        if (feeds.all().stream().anyMatch(f -> f.def().url().equalsIgnoreCase(e.url()))) {
            throw new AddFeedException(AddFeedException.Reason.ALREADY_LISTED, e.url());
        }
        Optional<String> lang = e.language().map(l -> l.toLowerCase(Locale.ROOT))
                .map(l -> l.length() > 2 ? l.substring(0, 2) : l).filter(Language.FEEDS::contains);
        String id = e.id().orElseGet(() -> freeId(slug(e.title()).orElse(Administration.defaultId(e.url()))));
        Added a = administration.addFeed(e.url(), Optional.of(id), Optional.of(e.title()), lang, e.interval(),
                Optional.of(e.kind().orElse(FeedDef.Kind.RSS)));
        return new ImportLine(e.url(), e.title(), Optional.ofNullable(a.def()), a.items(), a.offer(), a.down(), Optional.empty());
    }

    private static ImportLine refused(Opml.Entry e, AddFeedException why) {
        return new ImportLine(e.url(), e.title(), Optional.empty(), 0, Optional.empty(), Optional.empty(), Optional.of(why));
    }

    // "Outlet A" → outlet-a; a title in another script gives nothing and the host is used.
    static Optional<String> slug(String title) {
        String s = title.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        return s.length() < 2 ? Optional.empty() : Optional.of(s.length() > 60 ? s.substring(0, 60).replaceAll("-+$", "") : s);
    }

    // Two feeds of one outlet share a host: the second gets -2, and so on.
    private String freeId(String base) {
        String id = base;
        for (int n = 2; feeds.get(id).isPresent() && n < 1000; n++) {
            String suffix = "-" + n;
            id = (base.length() + suffix.length() > 63 ? base.substring(0, 63 - suffix.length()) : base) + suffix;
        }
        return id;
    }
}
