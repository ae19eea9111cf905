package org.treatywatch;

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
    public final AppConfig config;
    public final FeedsFile.Loaded feedsFile;
    public final Db db;
    public final FeedStore feeds;
    public final ItemStore items;
    public final ChatStore chats;
    public final OutboxStore outbox;
    public final org.treatywatch.store.StoryStore stories;
    public final HttpFetcher fetcher;
    public final Templates templates;
    public final AlertRenderer renderer;
    public final ArticleAnalyzer analyzer;
    public final FeedPoller poller;
    private volatile Runnable onQueued = () -> { };

    public Pipeline(AppConfig config, FeedsFile.Loaded feedsFile) {
        this.config = config;
        this.feedsFile = feedsFile;
        org.treatywatch.summarize.Gazetteer gazetteer = org.treatywatch.config.GazetteerFile.load(config.templatesDir());
        this.analyzer = new ArticleAnalyzer(Topic.detector(feedsFile, gazetteer), gazetteer);
        this.db = Db.open(config.dbUrl());
        this.feeds = new FeedStore(db);
        this.items = new ItemStore(db);
        this.chats = new ChatStore(db);
        this.outbox = new OutboxStore(db);
        this.stories = new org.treatywatch.store.StoryStore(db);
        this.fetcher = new HttpFetcher(new UrlGuard(config.allowPrivateFeeds()));
        this.templates = new Templates(config.templatesDir());
        templates.check();
        this.renderer = new AlertRenderer(templates, org.treatywatch.translate.Translator.from(config.translateUrl(), config.translateKey()));
        this.poller = new FeedPoller(feeds, items, new PollRecorder(db), fetcher, analyzer, renderer,
                new org.treatywatch.match.SubscriptionCache(chats), stories, () -> onQueued.run());
        feeds.syncFromYaml(feedsFile.feeds());
    }

    /** Called after a poll queued alerts (the sender's wake-up). */
    public void onQueued(Runnable r) {
        this.onQueued = r;
    }

    @Override
    public void close() {
        db.close();
    }
}
