package org.treatywatch.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.List;
import java.util.Map;
import org.telegram.telegrambots.meta.api.methods.GetMe;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.longpolling.TelegramBotsLongPollingApplication;
import org.telegram.telegrambots.longpolling.util.DefaultGetUpdatesGenerator;
import org.telegram.telegrambots.longpolling.util.LongPollingSingleThreadUpdateConsumer;
import org.treatywatch.bot.AdminActions;
import org.treatywatch.bot.BotCommandsSetup;
import org.treatywatch.bot.TreatyBot;
import org.treatywatch.bot.WebhookServer;
import org.treatywatch.config.AppConfig;
import org.treatywatch.config.FeedsFile;
import org.treatywatch.deliver.DigestComposer;
import org.treatywatch.deliver.EditComposer;
import org.treatywatch.deliver.Sender;
import org.treatywatch.ops.OpsServer;
import org.treatywatch.pipeline.Timeline;
import org.treatywatch.schedule.Scheduling;

/** The running bot: scheduler, sender and Telegram long polling around one {@link Pipeline}. */
public final class Service implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Service.class);

    private final Pipeline pipeline;
    private final TelegramConnection telegram;
    private final Sender sender;
    private final Scheduling scheduling;
    private final TelegramBotsLongPollingApplication polling;
    private final FileWatcher watcher;
    private final UpdatesLeader leader;
    private final OpsServer ops;
    private final WebhookServer webhook;
    private final RetentionJob retention;
    /** How long a stop waits for the commands already taken to be answered. */
    static final Duration COMMANDS_GRACE = Duration.ofSeconds(10);
    private boolean closed;

    private Service(Pipeline pipeline, TelegramConnection telegram, Sender sender, Scheduling scheduling,
                    TelegramBotsLongPollingApplication polling, FileWatcher watcher, UpdatesLeader leader, OpsServer ops,
                    WebhookServer webhook, RetentionJob retention) {
        this.retention = retention;
        this.webhook = webhook;
        this.ops = ops;
        this.leader = leader;
        this.watcher = watcher;
        this.pipeline = pipeline;
        this.telegram = telegram;
        this.sender = sender;
        this.scheduling = scheduling;
        this.polling = polling;
    }

    /**
     * Starts the service. If its database becomes unusable while it runs (a full disk), it logs that
     * and exits non-zero so that its supervisor restarts it ({@link ExitOnDatabaseFailure}).
     */
    public static Service start(AppConfig config) {
        if (config.token() == null) throw new IllegalArgumentException("TELEGRAM_BOT_TOKEN is not set; get a token from @BotFather and set it (or pass --token)");
        log.info("starting treatywatch with {}", config);
        FeedsFile.Loaded loaded = FeedsFile.load(config.feedsPath());
        loaded.errors().forEach(e -> log.error("{} (entry skipped)", e));
        TelegramConnection telegram = new TelegramConnection(config.token(), config.apiUrl());
        Pipeline pipeline = new Pipeline(config, loaded);
        pipeline.db().onFatal(new ExitOnDatabaseFailure(pipeline.db().file().map(Object::toString).orElse("(H2)")));
        Sender sender = new Sender(pipeline.outbox(), pipeline.chats(), telegram.client, config.linkPreviews(),
                new DigestComposer(pipeline.outbox(), pipeline.chats(), pipeline.templates()))
                .withEdits(new EditComposer(pipeline.stories(), pipeline.chats(), pipeline.templates()))
                .withTopicNotice(lang -> pipeline.templates().render("topic_gone", lang, Map.of()).strip());
        pipeline.onQueued(sender::wake);
        // one registry per service instance: two services in one JVM (tests, a cluster member) never mix counts
        io.micrometer.prometheusmetrics.PrometheusMeterRegistry metrics = OpsServer.newRegistry();
        pipeline.poller().withMetrics(metrics);
        sender.withMetrics(metrics);
        Scheduling scheduling = new Scheduling(pipeline.db().dataSource(), pipeline.poller(), 4, pipeline.db().isPostgres(), Clock.systemUTC());
        TelegramBotsLongPollingApplication polling = null;
        FileWatcher watcher = null;
        UpdatesLeader leader = null;
        OpsServer ops = null;
        WebhookServer webhook = null;
        UpdatesHeartbeat updates = new UpdatesHeartbeat(Clock.systemUTC());
        RetentionJob retention = new RetentionJob(new org.treatywatch.store.Retention(pipeline.db()), config.retention(), Clock.systemUTC());
        try {
            sender.start();
            scheduling.sync(pipeline.feeds().all());
            scheduling.start();
            Administration admin = new Administration(pipeline, scheduling);
            // the bot's id is the token's first part: no call to Telegram, so the service starts (and polls
            // feeds) while Telegram is unreachable; sending and updates retry with backoff on their own
            long botId = TelegramConnection.botIdOf(config.token()).orElseGet(() -> getMe(telegram));
            Timeline timeline = new Timeline(pipeline.stories(), pipeline.analyzer()::gazetteer, pipeline.templates());
            TreatyBot bot = new TreatyBot(telegram.client, pipeline.chats(), pipeline.templates(), config.admins(), admin,
                    lang -> timeline.render(lang, Timeline.DEFAULT_LIMIT), botId, Clock.systemUTC()).withFiles(telegram::download)
                    .withSearch((words, page, lang) -> {
                        org.treatywatch.pipeline.ArchiveSearch.Rendered r = pipeline.archive().render(words, page, lang);
                        return new org.treatywatch.bot.SearchSource.Page(r.html(), r.page(), r.hasPrevious(), r.hasNext());
                    });
            watcher = new FileWatcher(List.of(config.feedsPath(), config.templatesDir()), () -> {
                AdminActions.Reloaded r = admin.reload();
                if (!r.errors().isEmpty()) bot.tellAdminsAboutReload(r.feeds(), r.errors()); // a broken edit is not silent
            });
            BotCommandsSetup.publish(telegram.client, pipeline.templates(), config.admins());
            if (config.webhookUrl() != null) {
                webhook = new WebhookServer(config.webhookUrl(), config.webhookPort(), config.token(), telegram.client, bot);
            } else {
                TelegramBotsLongPollingApplication app = new TelegramBotsLongPollingApplication(ObjectMapper::new, () -> telegram.updatesHttp.client,
                        () -> telegram.pollingExecutor);
                polling = app;
                DefaultGetUpdatesGenerator getUpdates = new DefaultGetUpdatesGenerator();
                leader = new UpdatesLeader(pipeline.db(), () -> {
                    try {
                        // each long-poll cycle asks for its request: the beat /health checks the loop by
                        app.registerBot(config.token(), () -> telegram.url, offset -> {
                            updates.beat();
                            return getUpdates.apply(offset);
                        }, bot);
                    } catch (Exception e) {
                        // a failed registration stays registered in TelegramBots: undo it so the next try can register again
                        try {
                            app.unregisterBot(config.token());
                        } catch (Exception ignored) {
                            // it was not registered after all
                        }
                        throw new IllegalStateException("cannot start taking Telegram updates: " + e.getMessage(), e);
                    }
                });
            }
            UpdatesLeader updatesLeader = leader;
            if (config.metricsPort() >= 0) {
                ops = new OpsServer(config.metricsBind(), config.metricsPort(), Map.of(
                        "database", () -> pipeline.db().tx(c -> c.isValid(2)),
                        "scheduler", scheduling::isRunning,
                        "sender", sender::isAlive,
                        // the update loop: long polling has asked Telegram lately (a webhook is pushed to; a
                        // standby cluster member does not poll)
                        "updates", () -> updatesLeader == null || !updatesLeader.leading() || updates.alive(),
                        "telegram", () -> {
                            try {
                                return telegram.client.execute(new GetMe()) != null;
                            } catch (Exception e) {
                                return false;
                            }
                        }), () -> pipeline.outbox().count(org.treatywatch.store.OutboxRow.PENDING), metrics);
                org.treatywatch.pipeline.StoryFeed storyFeed = new org.treatywatch.pipeline.StoryFeed(pipeline.stories(),
                        pipeline.analyzer()::gazetteer, pipeline.templates(), pipeline.renderer());
                for (String lang : org.treatywatch.text.Language.READERS) {
                    ops.serve("/stories." + lang + ".atom", "application/atom+xml; charset=utf-8",
                            self -> storyFeed.atom(lang, org.treatywatch.pipeline.StoryFeed.DEFAULT_ENTRIES, self));
                }
            }
            Thread indexer = new Thread(() -> {
                try {
                    int n = pipeline.archive().catchUp();
                    if (n > 0) log.info("search index: {} stored items indexed", n);
                } catch (RuntimeException e) {
                    log.warn("search index not brought up to date: {}", e.getMessage());
                }
            }, "search-index");
            indexer.setDaemon(true);
            indexer.start(); // the first /search would otherwise index the whole archive
            log.info("treatywatch is running: {} feeds scheduled", scheduling.scheduledFeeds().size());
            return new Service(pipeline, telegram, sender, scheduling, polling, watcher, leader, ops, webhook, retention);
        } catch (Exception e) {
            new Service(pipeline, telegram, sender, scheduling, polling, watcher, leader, ops, webhook, retention).close();
            throw new IllegalStateException("cannot start: " + e.getMessage(), e);
        }
    }

    private static long getMe(TelegramConnection telegram) {
        try {
            return telegram.client.execute(new GetMe()).getId();
        } catch (Exception e) {
            throw new IllegalStateException("cannot ask Telegram who the bot is: " + e.getMessage(), e);
        }
    }

    public Pipeline pipeline() {
        return pipeline;
    }

    /** The metrics/health port actually bound, if the server runs (0 in the config picks a free one). */
    public java.util.OptionalInt opsPort() {
        return ops == null ? java.util.OptionalInt.empty() : java.util.OptionalInt.of(ops.port());
    }

    /** The ops server (/metrics, /health, the stories' Atom feeds), if a metrics port is set. */
    public java.util.Optional<OpsServer> ops() {
        return java.util.Optional.ofNullable(ops);
    }

    public Scheduling scheduling() {
        return scheduling;
    }

    /**
     * Stops the parts in the order their work flows, each after the one that feeds it: what brings
     * commands in (long polling, the webhook, feeds.yaml edits, the ops port), the scheduler and its
     * running polls, the sender, and the database last, so that no part meets a closed database.
     * Safe to call twice (the stop signal and a shutdown hook).
     */
    @Override
    public synchronized void close() {
        if (closed) return;
        closed = true;
        log.info("stopping treatywatch");
        // from here on a closed database is our own stop, nothing to exit for
        pipeline.db().onFatal(e -> log.debug("database closed during shutdown: {}", e.getMessage()));
        if (ops != null) ops.close();
        if (watcher != null) watcher.close();
        stopUpdates();
        // Before the scheduler waits for its running polls: their downloads end now, not at their timeouts.
        pipeline.fetcher().close();
        scheduling.close();
        retention.close();
        sender.close();
        telegram.close();
        pipeline.close(); // the search index after its catch-up's current batch, then the database
        log.info("treatywatch stopped");
    }

    /** No new update is taken, and the commands already taken are answered before anything they use stops. */
    private void stopUpdates() {
        if (webhook != null) webhook.close();
        if (leader != null) leader.close();
        if (polling == null) return;
        try {
            polling.close();
        } catch (Exception e) {
            log.debug("long polling close: {}", e.getMessage());
        }
        telegram.updatesHttp.endLongPoll();
        // TelegramBots hands each update to one shared thread: a marker queued behind them runs when they are done
        CountDownLatch handled = new CountDownLatch(1);
        LongPollingSingleThreadUpdateConsumer.updatesProcessorExecutor.execute(handled::countDown);
        try {
            if (!handled.await(COMMANDS_GRACE.toSeconds(), TimeUnit.SECONDS)) {
                log.info("stopping while a command is still being answered");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
