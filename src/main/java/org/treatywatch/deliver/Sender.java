package org.treatywatch.deliver;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.methods.updatingmessages.EditMessageText;
import org.telegram.telegrambots.meta.api.objects.LinkPreviewOptions;
import org.telegram.telegrambots.meta.api.objects.message.Message;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;
import org.telegram.telegrambots.meta.generics.TelegramClient;
import org.treatywatch.store.ChatStore;
import org.treatywatch.store.OutboxRow;
import org.treatywatch.store.OutboxStore;

/**
 * Drains the outbox to Telegram on one thread: claim a row, send it, record the result. One message
 * is in flight at a time, so a kill -9 can duplicate at most that one (a row found "sending" at
 * start is sent again; nothing is lost). Rows are taken one per chat per round, oldest first, so a
 * busy chat never holds up the others; {@link RateLimiter} keeps within Telegram's limits.
 */
public final class Sender implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Sender.class);
    static final int MAX_ATTEMPTS = 6;
    private static final int BATCH = 500;
    private static final Duration IDLE = Duration.ofSeconds(1);
    /** Three chats rate-limited within ten seconds means Telegram is limiting the bot, not a chat. */
    private static final int GLOBAL_429_CHATS = 3;

    private final OutboxStore outbox;
    private final ChatStore chats;
    private final TelegramClient telegram;
    private final boolean linkPreviews;
    private final RateLimiter limits = new RateLimiter();
    private final Deque<Instant> recent429 = new ArrayDeque<>();
    private final Semaphore wake = new Semaphore(0);
    private final DigestComposer digests;
    private EditComposer edits;
    private volatile boolean running;
    private Thread thread;

    public Sender(OutboxStore outbox, ChatStore chats, TelegramClient telegram, boolean linkPreviews, DigestComposer digests) {
        this.outbox = outbox;
        this.chats = chats;
        this.telegram = telegram;
        this.linkPreviews = linkPreviews;
        this.digests = digests;
    }

    private java.time.Clock clock = java.time.Clock.systemUTC();
    private io.micrometer.core.instrument.MeterRegistry metrics = new io.micrometer.core.instrument.simple.SimpleMeterRegistry();

    /** Counts go to this registry: the service instance's own, which /metrics shows. */
    public Sender withMetrics(io.micrometer.core.instrument.MeterRegistry metrics) {
        this.metrics = metrics;
        return this;
    }

    /** Time comes from this clock (tests set one; the service runs on UTC). */
    public Sender withClock(java.time.Clock clock) {
        this.clock = clock;
        return this;
    }

    public void start() {
        int requeued = outbox.requeueInFlight();
        if (requeued > 0) log.warn("{} alert(s) were in flight at the last stop; sending them again", requeued);
        running = true;
        thread = new Thread(this::loop, "sender");
        thread.setDaemon(true);
        thread.setUncaughtExceptionHandler((t, e) -> log.error("sender stopped: {}", e.toString()));
        thread.start();
    }

    /** Sent alerts of stories reported again get edited ("also reported by ..."). */
    public Sender withEdits(EditComposer composer) {
        this.edits = composer;
        return this;
    }

    /** Applies a few wanted edits, within the same rate limits; true if any was tried. */
    boolean editOnce() throws InterruptedException {
        boolean any = false;
        for (OutboxStore.WantedEdit e : outbox.wantedEdits(20)) {
            Instant now = clock.instant();
            if (limits.chatReadyAt(e.chatId(), now).isAfter(now)) continue;
            Duration global = limits.globalWait(now);
            if (!global.isZero()) Thread.sleep(global.toMillis());
            any = true;
            Instant started = clock.instant();
            try {
                telegram.execute(EditMessageText.builder().chatId(e.chatId()).messageId((int) e.messageId())
                        .text(edits.editedBody(e)).parseMode("HTML")
                        .linkPreviewOptions(LinkPreviewOptions.builder().isDisabled(!linkPreviews).build()).build());
                limits.sent(e.chatId(), started);
                outbox.editDone(e.id(), true);
                log.info("alert chat={} story={} edited with new reports", e.chatId(), e.storyId());
            } catch (TelegramApiRequestException ex) {
                limits.sent(e.chatId(), started);
                if (ex.getErrorCode() != null && ex.getErrorCode() == 429) continue; // try again later
                outbox.editDone(e.id(), false); // too old, deleted or unchanged: nothing more to do
                log.warn("alert chat={} story={} not edited: {}", e.chatId(), e.storyId(), ex.getApiResponse());
            } catch (TelegramApiException | RuntimeException ex) {
                log.warn("alert chat={} story={} edit failed, will retry: {}", e.chatId(), e.storyId(), ex.getMessage());
            }
        }
        return any;
    }

    /** New rows are waiting: look now instead of at the next tick. */
    public void wake() {
        wake.release();
    }

    private void loop() {
        while (running) {
            try {
                digests.releaseDue(clock.instant());
                Duration idle = drainOnce();
                if (edits != null && editOnce()) idle = Duration.ZERO;
                if (wake.tryAcquire(idle.toMillis(), TimeUnit.MILLISECONDS)) wake.drainPermits();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException | OutOfMemoryError | StackOverflowError e) {
                // the sender is the only way alerts leave: it must outlive a bad row or a heap shortage
                log.error("sender: {}", e.getMessage(), e);
                sleepQuietly(1000);
            }
        }
    }

    /** True while the sending thread runs: /health reports DOWN otherwise. */
    public boolean isAlive() {
        return running && thread != null && thread.isAlive();
    }

    /** Sends what is due now; returns how long to wait before looking again. */
    Duration drainOnce() throws InterruptedException {
        List<OutboxRow> rows = outbox.duePerChat(clock.instant(), BATCH);
        if (rows.isEmpty()) return IDLE;
        Duration wait = IDLE;
        for (OutboxRow row : rows) {
            if (!running) break;
            Instant now = clock.instant();
            Instant ready = limits.chatReadyAt(row.chatId(), now);
            if (ready.isAfter(now)) {
                Duration d = Duration.between(now, ready);
                if (d.compareTo(wait) < 0) wait = d;
                continue;
            }
            Duration global = limits.globalWait(now);
            if (!global.isZero()) Thread.sleep(global.toMillis(), (int) (global.toNanosPart() % 1_000_000));
            if (!outbox.claim(row.id())) continue;
            send(row);
            wait = Duration.ZERO;
        }
        return wait;
    }

    private void send(OutboxRow row) {
        MDC.put("chat", String.valueOf(row.chatId()));
        SendMessage msg = SendMessage.builder()
                .chatId(row.chatId())
                .messageThreadId(row.threadId() == null ? null : row.threadId().intValue())
                .text(row.body())
                .parseMode("HTML")
                .linkPreviewOptions(LinkPreviewOptions.builder().isDisabled(!linkPreviews).build())
                .build();
        // Spacing counts from when a message leaves, so the time a send takes is not added to it.
        Instant started = clock.instant();
        try {
            Message sent = telegram.execute(msg);
            limits.sent(row.chatId(), started);
            metrics.timer("treatywatch_send_latency").record(Duration.between(started, clock.instant()));
            metrics.counter("treatywatch_alerts_sent").increment();
            outbox.markSent(row.id(), sent == null || sent.getMessageId() == null ? 0 : sent.getMessageId(), clock.instant());
            log.info("alert item={} chat={} sent", row.itemId(), row.chatId());
        } catch (TelegramApiRequestException e) {
            limits.sent(row.chatId(), started);
            handleApiError(row, e);
        } catch (TelegramApiException | RuntimeException e) {
            retryOrGiveUp(row, "send failed: " + e.getMessage());
        } finally {
            MDC.remove("chat");
        }
    }

    private void handleApiError(OutboxRow row, TelegramApiRequestException e) {
        int code = e.getErrorCode() == null ? 0 : e.getErrorCode();
        String reason = "Telegram " + code + ": " + e.getApiResponse();
        Long migrateTo = e.getParameters() == null ? null : e.getParameters().getMigrateToChatId();
        if (migrateTo != null) {
            chats.migrate(row.chatId(), migrateTo);
            outbox.retryLater(row.id(), reason, clock.instant());
            log.info("chat={} moved to {}; alert item={} will go there", row.chatId(), migrateTo, row.itemId());
        } else if (code == 429) {
            metrics.counter("treatywatch_telegram_429").increment();
            int seconds = e.getParameters() != null && e.getParameters().getRetryAfter() != null ? e.getParameters().getRetryAfter() : 5;
            Instant until = clock.instant().plusSeconds(seconds);
            boolean global = countRecent429(clock.instant()) >= GLOBAL_429_CHATS;
            limits.retryAfter(row.chatId(), until, global);
            outbox.retryLater(row.id(), reason, until);
            log.warn("alert item={} chat={} rate limited{}; retry in {}s", row.itemId(), row.chatId(), global ? " (whole bot)" : "", seconds);
        } else if (code == 400 && row.threadId() != null && topicGone(String.valueOf(e.getApiResponse()))) {
            // The forum topic was deleted or closed: its alerts go to the general topic, with one notice.
            if (chats.topicGone(row.chatId(), row.threadId()) > 0) notifyTopicGone(row.chatId());
            outbox.retryLater(row.id(), reason, clock.instant());
            log.warn("chat={} topic {} is gone; its alerts go to the general topic", row.chatId(), row.threadId());
        } else if (code == 403 || (code == 400 && String.valueOf(e.getApiResponse()).toLowerCase().contains("chat not found"))) {
            chats.deactivate(row.chatId());
            int dropped = outbox.dropForChat(row.chatId(), reason);
            log.warn("chat={} is gone ({}); {} pending alert(s) dropped", row.chatId(), reason, dropped);
        } else if (code == 400) {
            outbox.markDead(row.id(), reason);
            metrics.counter("treatywatch_alerts_failed").increment();
            log.error("alert item={} chat={} rejected: {}", row.itemId(), row.chatId(), reason);
        } else {
            retryOrGiveUp(row, reason);
        }
    }

    static boolean topicGone(String apiResponse) {
        String r = apiResponse.toLowerCase(java.util.Locale.ROOT);
        return r.contains("thread not found") || r.contains("topic_closed") || r.contains("topic_deleted") || r.contains("topic closed");
    }

    private java.util.function.Function<String, String> topicNotice = lang -> null;

    /** The notice (Telegram HTML, in a chat's language) sent to the general topic when a topic's alerts move there. */
    public Sender withTopicNotice(java.util.function.Function<String, String> notice) {
        this.topicNotice = notice;
        return this;
    }

    private void notifyTopicGone(long chatId) {
        String lang = chats.get(chatId).map(org.treatywatch.store.Chat::language).orElse(org.treatywatch.text.Language.DEFAULT_READER);
        String html = topicNotice.apply(lang);
        if (html == null || html.isBlank()) return;
        try {
            telegram.execute(SendMessage.builder().chatId(chatId).text(html).parseMode("HTML").build());
        } catch (TelegramApiException | RuntimeException e) {
            log.warn("chat={} topic notice not sent: {}", chatId, e.getMessage());
        }
    }

    private int countRecent429(Instant now) {
        recent429.addLast(now);
        while (!recent429.isEmpty() && recent429.peekFirst().isBefore(now.minusSeconds(10))) recent429.removeFirst();
        return recent429.size();
    }

    private void retryOrGiveUp(OutboxRow row, String reason) {
        int attempts = row.attempts() + 1;
        if (attempts >= MAX_ATTEMPTS) {
            outbox.markDead(row.id(), reason);
            metrics.counter("treatywatch_alerts_failed").increment();
            log.error("alert item={} chat={} gave up after {} attempts: {}", row.itemId(), row.chatId(), attempts, reason);
        } else {
            Instant at = clock.instant().plusSeconds(Math.min(600, 1L << attempts));
            outbox.retryLater(row.id(), reason, at);
            log.warn("alert item={} chat={} attempt {} failed ({}); retrying", row.itemId(), row.chatId(), attempts, reason);
        }
    }

    private static void sleepQuietly(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        running = false;
        wake.release(); // no interrupt: one in the middle of an H2 file write would close the database
        if (thread != null) {
            try {
                thread.join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
