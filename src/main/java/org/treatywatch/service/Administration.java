package org.treatywatch.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.treatywatch.bot.AddFeedException;
import org.treatywatch.bot.AdminActions;
import org.treatywatch.config.Durations;
import org.treatywatch.read.Gazetteer;
import org.treatywatch.config.FeedDef;
import org.treatywatch.config.FeedsFile;
import org.treatywatch.config.FeedsYamlWriter;
import org.treatywatch.config.GazetteerFile;
import org.treatywatch.config.Opml;
import org.treatywatch.feed.FeedItem;
import org.treatywatch.feed.FeedParseException;
import org.treatywatch.feed.Source;
import org.treatywatch.feed.Sources;
import org.treatywatch.feed.Urls;
import org.treatywatch.fetch.Backoff;
import org.treatywatch.fetch.Charsets;
import org.treatywatch.fetch.FetchException;
import org.treatywatch.fetch.FetchResult;
import org.treatywatch.schedule.Scheduling;
import org.treatywatch.store.FeedRow;
import org.treatywatch.store.OutboxRow;
import org.treatywatch.text.Language;

/**
 * What admins do, through the bot or a file edit: feeds are validated and fetched once before they
 * are saved; feeds.yaml, the topic and the templates can be re-read without a restart.
 */
public final class Administration implements AdminActions {
    private static final Logger log = LoggerFactory.getLogger(Administration.class);

    private final Pipeline pipeline;
    private final Scheduling scheduling;
    private final Clock clock = Clock.systemUTC();

    /** scheduling may be null (the CLI): feeds are then scheduled by the service's next start or /reload. */
    public Administration(Pipeline pipeline, Scheduling scheduling) {
        this.pipeline = pipeline;
        this.scheduling = scheduling;
    }

    @Override
    public List<FeedRow> feeds() {
        return pipeline.feeds().all();
    }

    @Override
    public Added addFeed(String url, Optional<String> id, Optional<String> language, Optional<String> interval) throws AddFeedException {
        return addFeed(url, id, Optional.empty(), language, interval, Optional.empty());
    }

    /**
     * With {@code keepUnreachableAs} (an import), a feed whose first fetch fails for a reason other than its
     * address is saved unchecked as that kind, with the failure recorded: the scheduler retries it with back-off
     * and /feeds shows it failing, like any feed that goes down.
     */
    Added addFeed(String url, Optional<String> id, Optional<String> name, Optional<String> language, Optional<String> interval,
                  Optional<FeedDef.Kind> keepUnreachableAs) throws AddFeedException {
        String feedId = id.orElse(defaultId(url)).toLowerCase();
        if (!FeedsFile.ID.matcher(feedId).matches()) throw new AddFeedException(AddFeedException.Reason.BAD_ID, feedId);
        if (language.isPresent() && !Language.FEEDS.contains(language.get())) {
            throw new AddFeedException(AddFeedException.Reason.BAD_LANGUAGE, language.get());
        }
        Duration every;
        try {
            every = interval.map(Durations::parseInterval).orElse(Duration.ofMinutes(10));
        } catch (IllegalArgumentException e) {
            throw new AddFeedException(AddFeedException.Reason.BAD_INTERVAL, e.getMessage());
        }
        if (pipeline.feeds().get(feedId).isPresent()) throw new AddFeedException(AddFeedException.Reason.ID_TAKEN, feedId);
        FetchResult res;
        try {
            res = fetch(url);
        } catch (AddFeedException e) {
            if (e.reason() != AddFeedException.Reason.UNREACHABLE || keepUnreachableAs.isEmpty()) throw e;
            // no items to tell the language by: the file's, else the script of the feed's name
            String lang = language.orElseGet(() -> feedLanguage(name.orElse("")));
            return addUnreachable(new FeedDef(feedId, feedName(name, url), url.strip(), keepUnreachableAs.get(), lang, every, true,
                    Optional.empty()), e.getMessage());
        }
        String text = Charsets.decode(res.body(), res.contentType());
        Source source = Sources.detect(text).orElseThrow(() -> new AddFeedException(AddFeedException.Reason.NOT_A_SOURCE, res.contentType()));
        if (source.kind().equals(FeedDef.Kind.PAGE.key())) {
            Optional<String> advertised = Sources.advertisedFeed(text, res.finalUrl());
            if (advertised.isPresent()) return Added.offering(advertised.get()); // the outlet's own feed beats scraping its page
        }
        List<FeedItem> items;
        try {
            items = source.items(text, res.finalUrl(), Optional.empty(), u -> {
                FetchResult more = fetch(u);
                return Charsets.decode(more.body(), more.contentType());
            });
        } catch (FeedParseException e) {
            throw new AddFeedException(AddFeedException.Reason.NOT_A_SOURCE, e.getMessage());
        }
        if (items.isEmpty()) throw new AddFeedException(AddFeedException.Reason.NO_ITEMS, source.kind());
        String lang = language.orElseGet(() -> {
            StringBuilder sb = new StringBuilder();
            items.forEach(i -> sb.append(i.title()).append(' '));
            return feedLanguage(sb.toString());
        });
        FeedDef.Kind kind = FeedDef.Kind.valueOf(source.kind().toUpperCase(java.util.Locale.ROOT));
        FeedDef def = new FeedDef(feedId, feedName(name, url), url.strip(), kind, lang, every, true, Optional.empty());
        save(def);
        log.info("feed={} added by an admin: {} with {} items", feedId, kind.key(), items.size());
        return Added.fetched(def, items.size());
    }

    // Saved as a feed whose first poll failed: the same failure count, error and back-off a poll would record.
    private Added addUnreachable(FeedDef def, String error) throws AddFeedException {
        save(def);
        Instant now = clock.instant();
        pipeline.feeds().recordFailure(def.id(), error, now, now.plus(Backoff.after(def.interval(), 1, null)));
        log.info("feed={} added unreachable ({}): retried by the scheduler", def.id(), error);
        return Added.unreachable(def, error);
    }

    private void save(FeedDef def) throws AddFeedException {
        try {
            if (!pipeline.feeds().add(def, FeedRow.ORIGIN_BOT)) throw new AddFeedException(AddFeedException.Reason.ID_TAKEN, def.id());
            if (scheduling != null) scheduling.sync(pipeline.feeds().all());
        } catch (RuntimeException e) {
            log.error("feed={} could not be added: {}", def.id(), e.getMessage());
            throw new AddFeedException(AddFeedException.Reason.INTERNAL, e.getMessage());
        }
    }

    private static String feedName(Optional<String> name, String url) {
        return name.filter(n -> !n.isBlank()).map(n -> n.length() > 200 ? n.substring(0, 200) : n).orElse(Urls.host(url));
    }

    private static String feedLanguage(String text) {
        String g = Language.guess(text);
        return Language.FEEDS.contains(g) ? g : Language.EN;
    }

    @Override
    public ImportReport importFeeds(String opml) {
        return new FeedImport(pipeline.feeds(), this).run(opml);
    }

    @Override
    public String exportOpml() {
        return Opml.write("treatywatch feeds", listed());
    }

    @Override
    public String exportYaml() {
        java.util.Map<String, String> origins = new java.util.HashMap<>();
        for (FeedRow r : pipeline.feeds().all()) origins.put(r.id(), r.origin());
        String current = null;
        try {
            if (java.nio.file.Files.isRegularFile(pipeline.config().feedsPath())) current = java.nio.file.Files.readString(pipeline.config().feedsPath());
        } catch (java.io.IOException e) {
            log.warn("export: cannot read {}: {}", pipeline.config().feedsPath(), e.getMessage());
        }
        return FeedsYamlWriter.write(listed(), origins, current);
    }

    // Every stored feed (feeds.yaml's and admins'), paused ones as disabled.
    private List<FeedDef> listed() {
        return pipeline.feeds().all().stream().map(FeedRow::listed).toList();
    }

    private FetchResult fetch(String url) throws AddFeedException {
        try {
            return pipeline.fetcher().fetch(url, null, null, false);
        } catch (FetchException e) {
            String m = String.valueOf(e.getMessage());
            AddFeedException.Reason r = m.contains("private or local address") ? AddFeedException.Reason.PRIVATE_ADDRESS
                    : m.startsWith("not a valid URL") || m.startsWith("only http") || m.startsWith("URL has no host") || m.startsWith("file:")
                    ? AddFeedException.Reason.BAD_URL : AddFeedException.Reason.UNREACHABLE;
            throw new AddFeedException(r, m);
        }
    }

    @Override
    public boolean removeFeed(String id) {
        boolean removed = pipeline.feeds().remove(id);
        if (removed) scheduling.sync(pipeline.feeds().all());
        return removed;
    }

    @Override
    public boolean setPaused(String id, boolean paused) {
        boolean changed = pipeline.feeds().setPaused(id, paused);
        if (changed) scheduling.sync(pipeline.feeds().all());
        return changed;
    }

    @Override
    public boolean pollNow(String id) {
        return pipeline.feeds().get(id).isPresent() && scheduling.pollNow(id);
    }

    @Override
    public synchronized Reloaded reload() {
        FeedsFile.Loaded loaded = FeedsFile.load(pipeline.config().feedsPath());
        List<String> errors = new java.util.ArrayList<>(loaded.errors());
        if (loaded.feeds().isEmpty() && !loaded.errors().isEmpty()) {
            errors.add("feeds.yaml not applied: no valid feed in it");
        } else {
            pipeline.feeds().syncFromYaml(loaded.feeds());
            try {
                Gazetteer gazetteer = GazetteerFile.load(pipeline.config().templatesDir());
                pipeline.analyzer().replace(Topic.detector(loaded, gazetteer), gazetteer);
            } catch (IllegalStateException e) {
                errors.add(e.getMessage());
            }
        }
        pipeline.templates().reload();
        errors.addAll(pipeline.templates().check());
        scheduling.sync(pipeline.feeds().all());
        log.info("reloaded feeds.yaml and templates: {} feeds, {} errors", loaded.feeds().size(), errors.size());
        return new Reloaded(loaded.feeds().size(), errors);
    }

    @Override
    public Stats stats() {
        Instant now = clock.instant();
        Instant today = LocalDate.ofInstant(now, ZoneOffset.UTC).atStartOfDay(ZoneOffset.UTC).toInstant();
        return new Stats(pipeline.chats().countChats(), pipeline.chats().countSubscriptions(), pipeline.outbox().sentSince(today),
                pipeline.outbox().sentSince(now.minus(Duration.ofDays(7))), pipeline.outbox().count(OutboxRow.DEAD),
                pipeline.outbox().count(OutboxRow.PENDING), pipeline.db().sizeBytes().orElse(-1));
    }

    static String defaultId(String url) {
        String host = Urls.host(url).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
        return host.isEmpty() ? "feed" : host.length() > 60 ? host.substring(0, 60) : host;
    }
}
