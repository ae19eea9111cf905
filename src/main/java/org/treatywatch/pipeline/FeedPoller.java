package org.treatywatch.pipeline;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.treatywatch.config.FeedDef;
import org.treatywatch.deliver.AlertRenderer;
import org.treatywatch.extract.Article;
import org.treatywatch.extract.ArticleExtractor;
import org.treatywatch.feed.FeedItem;
import org.treatywatch.feed.FeedParseException;
import org.treatywatch.feed.Sources;
import org.treatywatch.fetch.Backoff;
import org.treatywatch.fetch.Charsets;
import org.treatywatch.fetch.FetchException;
import org.treatywatch.fetch.FetchResult;
import org.treatywatch.fetch.HttpFetcher;
import org.treatywatch.match.ItemFacts;
import org.treatywatch.match.SubscriptionCache;
import org.treatywatch.store.FeedRow;
import org.treatywatch.store.FeedStore;
import org.treatywatch.store.ItemStore;
import org.treatywatch.store.PollRecorder;
import org.treatywatch.store.StoredItem;
import org.treatywatch.store.StoryStore;
import org.treatywatch.text.Language;
import org.treatywatch.text.OneLine;

/**
 * Polls one feed: fetch (conditional), parse, and for each new item fetch its page, extract,
 * judge and store it with its deliveries in one transaction. The first poll of a feed only
 * records what is already there, so adding a feed never floods subscribers.
 */
public final class FeedPoller {
    private static final Logger log = LoggerFactory.getLogger(FeedPoller.class);
    static final int MAX_NEW_ITEMS_PER_POLL = 50;
    /**
     * A poll analyses new items for at most this long; the rest are left unrecorded and taken by the
     * next poll, so slow pages never hold a worker (each page fetch is itself bounded by its timeouts).
     */
    static final Duration POLL_BUDGET = Duration.ofSeconds(90);

    static final Duration QUIET_WRITE = Duration.ofMinutes(10);
    /** Browsers and the items table stop at 2,000; a longer link is a broken or hostile item. */
    static final int MAX_LINK_CHARS = 2000;
    /** An alert is at most 4,096 characters of text for Telegram; its HTML this many (the outbox column is 20,000). */
    static final int MAX_ALERT_CHARS = 16_000;

    private volatile boolean stopping;

    private final FeedStore feeds;
    private final ItemStore items;
    private final PollRecorder recorder;
    private final HttpFetcher fetcher;
    private final ArticleAnalyzer analyzer;
    private final AlertRenderer renderer;
    private final Runnable onQueued;
    private final SubscriptionCache subscriptions;
    private final StoryStore stories;

    private java.time.Clock clock = java.time.Clock.systemUTC();
    private io.micrometer.core.instrument.MeterRegistry metrics = new io.micrometer.core.instrument.simple.SimpleMeterRegistry();

    /** Counts go to this registry: the service instance's own, which /metrics shows. */
    public FeedPoller withMetrics(io.micrometer.core.instrument.MeterRegistry metrics) {
        this.metrics = metrics;
        return this;
    }

    /** Time comes from this clock (tests set one; the service runs on UTC). */
    public FeedPoller withClock(java.time.Clock clock) {
        this.clock = clock;
        return this;
    }

    public FeedPoller(FeedStore feeds, ItemStore items, PollRecorder recorder, HttpFetcher fetcher,
                      ArticleAnalyzer analyzer, AlertRenderer renderer, SubscriptionCache subscriptions, StoryStore stories,
                      Runnable onQueued) {
        this.subscriptions = subscriptions;
        this.stories = stories;
        this.feeds = feeds;
        this.items = items;
        this.recorder = recorder;
        this.fetcher = fetcher;
        this.analyzer = analyzer;
        this.renderer = renderer;
        this.onQueued = onQueued;
    }

    /**
     * Shutdown: polls in progress stop taking new items and fetches in flight are cancelled; what
     * was analysed is still recorded, the rest is taken by the next start.
     */
    public void stop() {
        stopping = true;
        fetcher.cancelAll();
    }

    /** A scheduled poll: skipped while the feed is backing off after failures. */
    public PollReport pollScheduled(String feedId) {
        Optional<FeedRow> row = feeds.get(feedId);
        if (row.isEmpty()) return PollReport.failed(feedId, "no such feed");
        FeedRow f = row.get();
        if (f.consecutiveFailures() > 0 && f.nextPoll() != null && f.nextPoll().isAfter(clock.instant())) {
            log.debug("feed={} backing off until {}", feedId, f.nextPoll());
            return new PollReport(feedId, 0, 0, 0, 0, false, List.of(), null);
        }
        return poll(f, false);
    }

    /** Polls now. With dryRun nothing is stored: relevant new items are returned, baseline or not. */
    public PollReport poll(FeedRow feed, boolean dryRun) {
        String id = feed.id();
        MDC.put("feed", id);
        try {
            return doPoll(feed, dryRun);
        } catch (FetchException | FeedParseException | RuntimeException | OutOfMemoryError | StackOverflowError e) {
            // an input too big or too deep for this heap is this feed's failure, backed off like any
            // other: the worker goes on with the other feeds instead of dying, and the feed is not
            // fetched again at once
            String message = e instanceof Error ? "too big to read (" + e + ")"
                    : e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            if (!dryRun) {
                Instant now = clock.instant();
                Duration retry = e instanceof FetchException fe ? fe.retryAfter().orElse(null) : null;
                Duration wait = Backoff.after(feed.def().interval(), feed.consecutiveFailures() + 1, retry);
                int failures = feeds.recordFailure(id, message, now, now.plus(wait));
                metrics.counter("treatywatch_polls", "result", "error").increment();
                metrics.counter("treatywatch_fetch_errors", "feed", id).increment();
                log.warn("feed={} poll failed ({} in a row), next try in {}s: {}", id, failures, wait.toSeconds(), message);
            }
            return PollReport.failed(id, message);
        } finally {
            MDC.remove("feed");
        }
    }

    private PollReport doPoll(FeedRow feed, boolean dryRun) throws FetchException, FeedParseException {
        FeedDef def = feed.def();
        boolean fromYaml = FeedRow.ORIGIN_YAML.equals(feed.origin());
        FetchResult res = fetcher.fetch(def.url(), dryRun ? null : feed.etag(), dryRun ? null : feed.lastModified(), fromYaml);
        if (res.movedPermanently() && !dryRun) {
            log.info("feed={} moved permanently: {} → {}", def.id(), def.url(), res.finalUrl());
            feeds.updateUrl(def.id(), res.finalUrl());
        }
        Instant now = clock.instant();
        if (res.notModified()) {
            if (!dryRun && worthWriting(feed, now)) feeds.recordSuccess(def.id(), res.etag(), res.lastModified(), now, def.interval());
            metrics.counter("treatywatch_polls", "result", "not_modified").increment();
            return new PollReport(def.id(), 0, 0, 0, 0, true, List.of(), null);
        }
        List<FeedItem> found = parseItems(def, res);
        List<FeedItem> fresh = new ArrayList<>();
        java.util.Set<String> known = items.knownGuids(def.id(), found.stream().map(FeedItem::guid).toList());
        for (FeedItem i : found) if (!known.contains(i.guid())) fresh.add(i);
        boolean baseline = !feed.initialized() && !dryRun;

        List<PollRecorder.NewItem> toStore = new ArrayList<>();
        StoryPlacer placer = new StoryPlacer(now);
        List<Analysis> relevant = new ArrayList<>();
        int processed = 0, left = 0;
        long started = System.nanoTime();
        for (FeedItem item : fresh) {
            if (!baseline && (stopping || System.nanoTime() - started > POLL_BUDGET.toNanos())) {
                left++; // not recorded: the next poll finds it new again
                continue;
            }
            if (baseline || processed >= MAX_NEW_ITEMS_PER_POLL) {
                toStore.add(new PollRecorder.NewItem(stored(def, item, null, StoredItem.BASELINE), Map.of()));
                continue;
            }
            String skip = unusable(item);
            if (skip != null) {
                log.warn("feed={} item={} skipped: {}", def.id(), OneLine.clip(item.guid(), 200), skip);
                toStore.add(new PollRecorder.NewItem(skipped(def, item, skip), Map.of()));
                continue;
            }
            processed++;
            Analysis a = analyse(def, item);
            boolean isRelevant = a.relevance().relevant();
            if (isRelevant) relevant.add(a);
            Map<Long, String> bodies = new HashMap<>();
            Map<Long, Long> threads = new HashMap<>();
            if (isRelevant && !dryRun) {
                ItemFacts facts = ItemFacts.of(def.id(), a.article().title(), a.article().text());
                Map<String, String> byLang = new HashMap<>();
                subscriptions.current(now).match(facts).forEachTarget((chat, lang, thread) -> {
                    bodies.put(chat, byLang.computeIfAbsent(lang, l -> renderer.render(a.alert(), l)));
                    if (thread != null) threads.put(chat, thread);
                });
            }
            if (bodies.values().stream().anyMatch(b -> b.length() > MAX_ALERT_CHARS)) {
                log.warn("feed={} item={} skipped: its alert is longer than {} characters", def.id(), OneLine.clip(item.guid(), 200), MAX_ALERT_CHARS);
                toStore.add(new PollRecorder.NewItem(skipped(def, item, "alert longer than " + MAX_ALERT_CHARS + " characters"), Map.of()));
                continue;
            }
            toStore.add(new PollRecorder.NewItem(stored(def, item, a, isRelevant ? StoredItem.RELEVANT : StoredItem.IRRELEVANT), bodies,
                    isRelevant && !dryRun ? placer.place(a, item.url() == null ? a.alert().url() : item.url(), def.name()) : null, threads));
        }
        if (left > 0) log.warn("feed={} poll {}: {} new items left for the next poll", def.id(), stopping ? "stopped" : "out of time", left);
        int queued = 0;
        if (!dryRun) {
            queued = record(def.id(), toStore, now, new PollRecorder.FeedState(res.etag(), res.lastModified(), def.interval(),
                    found.stream().map(FeedItem::guid).toList()));
            if (queued > 0) onQueued.run();
            metrics.counter("treatywatch_polls", "result", "ok").increment();
            metrics.counter("treatywatch_items").increment(fresh.size());
            metrics.counter("treatywatch_relevant_items").increment(relevant.size());
        }
        log.info("feed={} polled: {} items, {} new{}, {} relevant, {} alerts queued", def.id(), found.size(), fresh.size(),
                baseline ? " (first poll: recorded, not alerted)" : "", relevant.size(), queued);
        return new PollReport(def.id(), found.size(), fresh.size(), relevant.size(), queued, false, relevant, null);
    }

    /**
     * The poll's items in one transaction; if that fails, one transaction per item, so an item the
     * database refuses is stored as skipped (with its reason) and its neighbours still get alerted.
     * A failure that is not one item's (the database is gone) still fails the poll.
     */
    private int record(String feedId, List<PollRecorder.NewItem> toStore, Instant now, PollRecorder.FeedState state) {
        try {
            return recorder.record(feedId, toStore, now, state);
        } catch (RuntimeException all) {
            if (toStore.size() < 2 && toStore.stream().allMatch(n -> n.deliveries().isEmpty() && n.placement() == null)) throw all;
            log.warn("feed={} poll not stored at once ({}); storing its items one by one", feedId, all.getMessage());
            int queued = 0;
            for (PollRecorder.NewItem n : toStore) {
                try {
                    queued += recorder.record(feedId, List.of(n), now);
                } catch (RuntimeException one) {
                    String reason = "not stored: " + OneLine.clip(String.valueOf(one.getMessage()), 300);
                    log.warn("feed={} item={} {}", feedId, OneLine.clip(n.item().guid(), 200), reason);
                    recorder.record(feedId, List.of(new PollRecorder.NewItem(skipped(n.item(), reason), Map.of())), now);
                }
            }
            recorder.record(feedId, List.of(), now, state);
            return queued;
        }
    }

    /** Why an item cannot be used, or null: a link no column, fetch or alert should carry. */
    private static String unusable(FeedItem item) {
        if (item.url() != null && item.url().length() > MAX_LINK_CHARS) return "link longer than " + MAX_LINK_CHARS + " characters";
        return null;
    }

    private static StoredItem skipped(FeedDef def, FeedItem item, String reason) {
        return skipped(stored(def, item, null, StoredItem.IRRELEVANT), "skipped: " + reason);
    }

    /** The item kept only so it is not taken again: no link, with the reason as its evidence. */
    private static StoredItem skipped(StoredItem i, String reason) {
        return new StoredItem(0, i.feedId(), i.guid(), null, i.title(), i.publishedAt(), i.language(), StoredItem.IRRELEVANT, 0, reason);
    }

    /**
     * A healthy feed answering 304 changes nothing worth a commit: its row is refreshed at most every
     * {@link #QUIET_WRITE}, so its "last success" is never older than that, and a poll costs no disk write.
     */
    private static boolean worthWriting(FeedRow feed, Instant now) {
        return feed.consecutiveFailures() > 0 || feed.lastSuccess() == null
                || !feed.lastSuccess().plus(QUIET_WRITE).isAfter(now);
    }

    private List<FeedItem> parseItems(FeedDef def, FetchResult res) throws FeedParseException {
        String text = Charsets.decode(res.body(), res.contentType());
        try {
            return Sources.of(def.kind().key()).items(text, res.finalUrl(), def.links(), this::fetchText);
        } catch (FeedParseException e) {
            throw new FeedParseException("feed " + def.id() + ": " + e.getMessage(), e);
        }
    }

    private String fetchText(String url) throws FetchException {
        FetchResult r = fetcher.fetch(url, null, null, false);
        return Charsets.decode(r.body(), r.contentType());
    }

    /** Fetches and extracts the item's page; falls back to the feed's own title and summary. */
    private Analysis analyse(FeedDef def, FeedItem item) {
        Article article = null;
        if (item.url() != null && item.url().startsWith("http")) {
            try {
                FetchResult page = fetcher.fetch(item.url(), null, null, false);
                article = ArticleExtractor.extract(Charsets.decode(page.body(), page.contentType()), page.finalUrl());
            } catch (FetchException | RuntimeException | OutOfMemoryError | StackOverflowError e) {
                log.warn("feed={} item={} page not read ({}); using the feed's summary", def.id(), item.url(),
                        e instanceof Error ? "too big to read: " + e : e.getMessage());
            }
        }
        if (article == null || article.paragraphs().isEmpty()) {
            Article fromFeed = ArticleExtractor.fromText(item.title() + "\n" + item.summary(), item.url());
            article = article == null ? fromFeed
                    : new Article(article.title().isBlank() ? item.title() : article.title(), fromFeed.paragraphs(),
                        article.published(), fromFeed.language(), article.canonicalUrl(), article.image());
        }
        if (article.title().isBlank() || (item.title() != null && !item.title().isBlank())) {
            article = new Article(item.title() == null || item.title().isBlank() ? article.title() : item.title(),
                    article.paragraphs(), article.published().or(item::published), article.language(),
                    article.canonicalUrl(), article.image());
        }
        // read in the language its letters show; the feed's only when they show none (an Arabic item in a Persian feed is Arabic)
        String language = Language.settle(def.language(), article.language());
        if (!language.equals(article.language())) {
            article = new Article(article.title(), article.paragraphs(), article.published(), language, article.canonicalUrl(), article.image());
        }
        return analyzer.judge(article, def.name(), item.url());
    }

    private static StoredItem stored(FeedDef def, FeedItem item, Analysis a, String status) {
        return new StoredItem(0, def.id(), item.guid(), item.url(), item.title(), item.published().orElse(null),
                a == null ? null : a.article().language(), status, a == null ? 0 : a.relevance().score(),
                a == null ? null : String.join("\n", a.relevance().evidence()));
    }
}
