package org.treatywatch.deliver;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.objects.LinkPreviewOptions;
import org.telegram.telegrambots.meta.api.objects.message.Message;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;
import org.telegram.telegrambots.meta.generics.TelegramClient;
import org.treatywatch.store.ChatStore;
import org.treatywatch.store.OutboxRow;
import org.treatywatch.store.OutboxStore;

/**
 * Drains the outbox to Telegram on one thread: claim a row, send it, record the result.
 * Spaces messages to stay under Telegram's limits (30/s overall, 1/s per chat), waits out 429s,
 * retries transient failures with backoff and gives up on chats that blocked the bot.
 */
public final class Sender implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Sender.class);
    static final Duration GLOBAL_SPACING = Duration.ofMillis(35);
    static final Duration PER_CHAT_SPACING = Duration.ofMillis(1000);
    static final int MAX_ATTEMPTS = 6;
    private static final int BATCH = 100;

    private final OutboxStore outbox;
    private final ChatStore chats;
    private final TelegramClient telegram;
    private final boolean linkPreviews;
    private final Semaphore wake = new Semaphore(0);
    private final Map<Long, Instant> chatReadyAt = new HashMap<>();
    private volatile boolean running;
    private Thread thread;
    private Instant globalReadyAt = Instant.EPOCH;

    public Sender(OutboxStore outbox, ChatStore chats, TelegramClient telegram, boolean linkPreviews) {
        this.outbox = outbox;
        this.chats = chats;
        this.telegram = telegram;
        this.linkPreviews = linkPreviews;
    }

    public void start() {
        int requeued = outbox.requeueInFlight();
        if (requeued > 0) log.warn("{} alert(s) were in flight at the last stop; sending them again", requeued);
        running = true;
        thread = new Thread(this::loop, "sender");
        thread.setDaemon(true);
        thread.start();
    }

    /** New rows are waiting: look now instead of at the next tick. */
    public void wake() {
        wake.release();
    }

    private void loop() {
        while (running) {
            try {
                Duration idle = drainOnce();
                wake.tryAcquire(idle.toMillis(), TimeUnit.MILLISECONDS);
                wake.drainPermits();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                log.error("sender: {}", e.getMessage(), e);
                sleepQuietly(1000);
            }
        }
    }

    /** Sends what is due now; returns how long to wait before looking again. */
    Duration drainOnce() throws InterruptedException {
        List<OutboxRow> rows = outbox.due(Instant.now(), BATCH);
        if (rows.isEmpty()) return Duration.ofSeconds(1);
        Duration wait = Duration.ofSeconds(1);
        for (OutboxRow row : rows) {
            if (!running) break;
            Instant now = Instant.now();
            Instant chatReady = chatReadyAt.getOrDefault(row.chatId(), Instant.EPOCH);
            if (chatReady.isAfter(now)) {
                Duration d = Duration.between(now, chatReady);
                if (d.compareTo(wait) < 0) wait = d;
                continue; // another chat's row may go first: one busy chat never holds the rest
            }
            if (globalReadyAt.isAfter(now)) Thread.sleep(Duration.between(now, globalReadyAt).toMillis());
            if (!outbox.claim(row.id())) continue;
            send(row);
            Instant after = Instant.now();
            globalReadyAt = after.plus(GLOBAL_SPACING);
            chatReadyAt.put(row.chatId(), after.plus(PER_CHAT_SPACING));
            wait = Duration.ZERO;
        }
        return wait;
    }

    private void send(OutboxRow row) {
        SendMessage msg = SendMessage.builder()
                .chatId(row.chatId())
                .text(row.body())
                .parseMode("HTML")
                .linkPreviewOptions(LinkPreviewOptions.builder().isDisabled(!linkPreviews).build())
                .build();
        try {
            Message sent = telegram.execute(msg);
            outbox.markSent(row.id(), sent == null || sent.getMessageId() == null ? 0 : sent.getMessageId(), Instant.now());
            log.info("alert item={} chat={} sent", row.itemId(), row.chatId());
        } catch (TelegramApiRequestException e) {
            handleApiError(row, e);
        } catch (TelegramApiException | RuntimeException e) {
            retryOrGiveUp(row, "send failed: " + e.getMessage());
        }
    }

    private void handleApiError(OutboxRow row, TelegramApiRequestException e) {
        int code = e.getErrorCode() == null ? 0 : e.getErrorCode();
        String reason = "Telegram " + code + ": " + e.getApiResponse();
        if (code == 429) {
            int seconds = e.getParameters() != null && e.getParameters().getRetryAfter() != null ? e.getParameters().getRetryAfter() : 5;
            Instant at = Instant.now().plusSeconds(seconds);
            chatReadyAt.put(row.chatId(), at);
            outbox.retryLater(row.id(), reason, at);
            log.warn("alert item={} chat={} rate limited; retry in {}s", row.itemId(), row.chatId(), seconds);
        } else if (code == 403 || (code == 400 && String.valueOf(e.getApiResponse()).toLowerCase().contains("chat not found"))) {
            chats.deactivate(row.chatId());
            int dropped = outbox.dropForChat(row.chatId(), reason);
            log.warn("chat={} is gone ({}); {} pending alert(s) dropped", row.chatId(), reason, dropped);
        } else if (code == 400) {
            outbox.markDead(row.id(), reason);
            log.error("alert item={} chat={} rejected: {}", row.itemId(), row.chatId(), reason);
        } else {
            retryOrGiveUp(row, reason);
        }
    }

    private void retryOrGiveUp(OutboxRow row, String reason) {
        int attempts = row.attempts() + 1;
        if (attempts >= MAX_ATTEMPTS) {
            outbox.markDead(row.id(), reason);
            log.error("alert item={} chat={} gave up after {} attempts: {}", row.itemId(), row.chatId(), attempts, reason);
        } else {
            Instant at = Instant.now().plusSeconds(Math.min(600, 1L << attempts));
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
        if (thread != null) {
            thread.interrupt();
            try {
                thread.join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
