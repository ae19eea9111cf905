package org.treatywatch;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.treatywatch.bot.AdminActions;
import org.treatywatch.config.Durations;
import org.treatywatch.summarize.Gazetteer;
import org.treatywatch.config.FeedDef;
import org.treatywatch.config.FeedsFile;
import org.treatywatch.config.GazetteerFile;
import org.treatywatch.feed.FeedItem;
import org.treatywatch.feed.FeedParseException;
import org.treatywatch.feed.FeedParser;
import org.treatywatch.feed.Urls;
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
final class Administration implements AdminActions {
    private static final Logger log = LoggerFactory.getLogger(Administration.class);

    private final Pipeline pipeline;
    private final Scheduling scheduling;

    Administration(Pipeline pipeline, Scheduling scheduling) {
        this.pipeline = pipeline;
        this.scheduling = scheduling;
    }

    @Override
    public List<FeedRow> feeds() {
        return pipeline.feeds.all();
    }

    @Override
    public Added addFeed(String url, Optional<String> id, Optional<String> language, Optional<String> interval) {
        String feedId = id.orElse(defaultId(url)).toLowerCase();
        if (!FeedsFile.ID.matcher(feedId).matches()) throw new IllegalArgumentException("id \"" + feedId + "\" may use only a-z, 0-9 and '-'");
        if (language.isPresent() && !List.of("he", "ar", "en").contains(language.get())) {
            throw new IllegalArgumentException("language \"" + language.get() + "\" must be he, ar or en");
        }
        Duration every = interval.map(Durations::parseInterval).orElse(Duration.ofMinutes(10));
        if (pipeline.feeds.get(feedId).isPresent()) throw new IllegalArgumentException("id \"" + feedId + "\" is already used");
        List<FeedItem> items;
        try {
            FetchResult res = pipeline.fetcher.fetch(url, null, null, false);
            items = FeedParser.parse(Charsets.decode(res.body(), res.contentType()), res.finalUrl());
        } catch (FetchException | FeedParseException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        String lang = language.orElseGet(() -> {
            StringBuilder sb = new StringBuilder();
            items.forEach(i -> sb.append(i.title()).append(' '));
            String g = Language.guess(sb.toString());
            return List.of("he", "ar", "en").contains(g) ? g : "en";
        });
        FeedDef def = new FeedDef(feedId, Urls.host(url), url.strip(), FeedDef.Kind.RSS, lang, every, true, Optional.empty());
        if (!pipeline.feeds.add(def, FeedRow.ORIGIN_BOT)) throw new IllegalArgumentException("id \"" + feedId + "\" is already used");
        scheduling.sync(pipeline.feeds.all());
        log.info("feed={} added by an admin ({} items)", feedId, items.size());
        return new Added(def, items.size());
    }

    @Override
    public boolean removeFeed(String id) {
        boolean removed = pipeline.feeds.remove(id);
        if (removed) scheduling.sync(pipeline.feeds.all());
        return removed;
    }

    @Override
    public boolean setPaused(String id, boolean paused) {
        boolean changed = pipeline.feeds.setPaused(id, paused);
        if (changed) scheduling.sync(pipeline.feeds.all());
        return changed;
    }

    @Override
    public boolean pollNow(String id) {
        return pipeline.feeds.get(id).isPresent() && scheduling.pollNow(id);
    }

    @Override
    public synchronized Reloaded reload() {
        FeedsFile.Loaded loaded = FeedsFile.load(pipeline.config.feedsPath());
        List<String> errors = new java.util.ArrayList<>(loaded.errors());
        if (loaded.feeds().isEmpty() && !loaded.errors().isEmpty()) {
            errors.add("feeds.yaml not applied: no valid feed in it");
        } else {
            pipeline.feeds.syncFromYaml(loaded.feeds());
            try {
                Gazetteer gazetteer = GazetteerFile.load(pipeline.config.templatesDir());
                pipeline.analyzer.replace(Topic.detector(loaded, gazetteer), gazetteer);
            } catch (IllegalStateException e) {
                errors.add(e.getMessage());
            }
        }
        pipeline.templates.reload();
        errors.addAll(pipeline.templates.check());
        scheduling.sync(pipeline.feeds.all());
        log.info("reloaded feeds.yaml and templates: {} feeds, {} errors", loaded.feeds().size(), errors.size());
        return new Reloaded(loaded.feeds().size(), errors);
    }

    @Override
    public Stats stats() {
        Instant now = Instant.now();
        Instant today = LocalDate.now(ZoneOffset.UTC).atStartOfDay(ZoneOffset.UTC).toInstant();
        return new Stats(pipeline.chats.countChats(), pipeline.chats.countSubscriptions(), pipeline.outbox.sentSince(today),
                pipeline.outbox.sentSince(now.minus(Duration.ofDays(7))), pipeline.outbox.count(OutboxRow.DEAD),
                pipeline.outbox.count(OutboxRow.PENDING), pipeline.db.sizeBytes().orElse(-1));
    }

    static String defaultId(String url) {
        String host = Urls.host(url).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
        return host.isEmpty() ? "feed" : host.length() > 60 ? host.substring(0, 60) : host;
    }
}
