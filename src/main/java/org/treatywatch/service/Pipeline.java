package org.treatywatch.service;

import org.treatywatch.config.AppConfig;
import org.treatywatch.config.FeedsFile;
import org.treatywatch.deliver.AlertRenderer;
import org.treatywatch.deliver.Templates;
import org.treatywatch.fetch.HttpFetcher;
import org.treatywatch.fetch.UrlGuard;
import org.treatywatch.pipeline.ArticleAnalyzer;
import org.treatywatch.pipeline.FeedPoller;
import org.treatywatch.store.ChatStore;
import org.treatywatch.store.Db;
import org.treatywatch.store.FeedStore;
import org.treatywatch.store.ItemStore;
import org.treatywatch.store.OutboxStore;
import org.treatywatch.store.PollRecorder;

/**
 * The parts every command needs, built from configuration: database and stores, fetcher,
 * detector, templates and the poller. {@code run}, {@code poll} and {@code feeds check} share it.
 */
public final class Pipeline implements AutoCloseable {
    private final AppConfig config;
    private final FeedsFile.Loaded feedsFile;
    private final Db db;
    private final FeedStore feeds;
    private final ItemStore items;
    private final ChatStore chats;
    private final OutboxStore outbox;
    private final org.treatywatch.store.StoryStore stories;
    private final HttpFetcher fetcher;
    private final Templates templates;
    private final AlertRenderer renderer;
    private final ArticleAnalyzer analyzer;
    private final FeedPoller poller;
    private volatile Runnable onQueued = () -> { };

    public Pipeline(AppConfig config, FeedsFile.Loaded feedsFile) {
        this.config = config;
        this.feedsFile = feedsFile;
        this.analyzer = analyzer(config, feedsFile);
        this.db = Db.open(config.dbUrl());
        this.feeds = new FeedStore(db);
        this.items = new ItemStore(db);
        this.chats = new ChatStore(db);
        this.outbox = new OutboxStore(db);
        this.stories = new org.treatywatch.store.StoryStore(db);
        this.fetcher = new HttpFetcher(new UrlGuard(config.allowPrivateFeeds()));
        this.templates = new Templates(config.templatesDir());
        templates.check();
        this.renderer = renderer(config, templates);
        this.poller = new FeedPoller(feeds, items, new PollRecorder(db), fetcher, analyzer, renderer,
                new org.treatywatch.match.SubscriptionCache(chats), stories, () -> onQueued.run());
        feeds.syncFromYaml(feedsFile.feeds());
    }

    public AppConfig config() {
        return config;
    }

    public FeedsFile.Loaded feedsFile() {
        return feedsFile;
    }

    public Db db() {
        return db;
    }

    public FeedStore feeds() {
        return feeds;
    }

    public ItemStore items() {
        return items;
    }

    public ChatStore chats() {
        return chats;
    }

    public OutboxStore outbox() {
        return outbox;
    }

    public org.treatywatch.store.StoryStore stories() {
        return stories;
    }

    public HttpFetcher fetcher() {
        return fetcher;
    }

    public Templates templates() {
        return templates;
    }

    public AlertRenderer renderer() {
        return renderer;
    }

    public ArticleAnalyzer analyzer() {
        return analyzer;
    }

    public FeedPoller poller() {
        return poller;
    }

    /** The analyzer of a configuration: the topic (feeds.yaml over the built-in one) and the gazetteer. */
    public static ArticleAnalyzer analyzer(AppConfig config, FeedsFile.Loaded feedsFile) {
        return new ArticleAnalyzer(() -> {
            org.treatywatch.read.Gazetteer gazetteer = org.treatywatch.config.GazetteerFile.load(config.templatesDir());
            return new ArticleAnalyzer.Knowledge(Topic.detector(feedsFile, gazetteer), gazetteer);
        });
    }

    /** The alert renderer of a configuration, with machine translation when a server is configured. */
    public static AlertRenderer renderer(AppConfig config, Templates templates) {
        return new AlertRenderer(templates, org.treatywatch.translate.Translator.from(config.translateUrl(), config.translateKey()));
    }

    private org.treatywatch.search.ArchiveIndex archiveIndex;
    private org.treatywatch.pipeline.ArchiveSearch archive;

    /**
     * The archive search, opened on first use: its index lives beside an H2 file database
     * ({@code <db>.search/}), in memory otherwise or when another process holds the folder.
     */
    public synchronized org.treatywatch.pipeline.ArchiveSearch archive() {
        if (archive == null) {
            java.util.Optional<java.nio.file.Path> folder = searchFolder(config.dbUrl());
            try {
                archiveIndex = org.treatywatch.search.ArchiveIndex.open(folder, java.time.Clock.systemUTC());
            } catch (java.io.UncheckedIOException e) {
                org.slf4j.LoggerFactory.getLogger(Pipeline.class).warn("search index {} not opened ({}); searching from memory",
                        folder.map(Object::toString).orElse(""), e.getMessage());
                archiveIndex = org.treatywatch.search.ArchiveIndex.open(java.util.Optional.empty(), java.time.Clock.systemUTC());
            }
            archive = new org.treatywatch.pipeline.ArchiveSearch(archiveIndex, items, analyzer::gazetteer, templates);
        }
        return archive;
    }

    static java.util.Optional<java.nio.file.Path> searchFolder(String dbUrl) {
        if (!dbUrl.startsWith("jdbc:h2:file:")) return java.util.Optional.empty();
        return java.util.Optional.of(java.nio.file.Path.of(dbUrl.substring("jdbc:h2:file:".length()).split(";", 2)[0] + ".search"));
    }

    /** Called after a poll queued alerts (the sender's wake-up). */
    public void onQueued(Runnable r) {
        this.onQueued = r;
    }

    @Override
    public void close() {
        synchronized (this) {
            if (archiveIndex != null) archiveIndex.close();
        }
        db.close();
    }
}
