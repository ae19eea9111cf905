package org.treatywatch.deliver;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/**
 * Telegram's documented limits as token buckets: about 30 messages a second overall (one token
 * every {@link #GLOBAL_SPACING}), one a second per chat, twenty a minute per group; plus waits
 * Telegram imposes with 429 retry_after, per chat or for everything. Single-threaded (the sender's).
 */
final class RateLimiter {
    /** 34 ms → 29.4 messages/s: under 30 in any one-second window, whatever the timer jitter. */
    static final Duration GLOBAL_SPACING = Duration.ofMillis(34);
    static final Duration PER_CHAT_SPACING = Duration.ofSeconds(1);
    static final int GROUP_PER_MINUTE = 20;

    private Instant globalReadyAt = Instant.EPOCH;
    private final Map<Long, Instant> chatReadyAt = new HashMap<>();
    private final Map<Long, Deque<Instant>> groupSends = new HashMap<>();

    /** When this chat may get its next message (never before now). */
    Instant chatReadyAt(long chatId, Instant now) {
        Instant ready = chatReadyAt.getOrDefault(chatId, Instant.EPOCH);
        if (chatId < 0) {
            Deque<Instant> sends = groupSends.get(chatId);
            if (sends != null && sends.size() >= GROUP_PER_MINUTE) {
                Instant windowOpens = sends.peekFirst().plus(Duration.ofMinutes(1));
                if (windowOpens.isAfter(ready)) ready = windowOpens;
            }
        }
        return ready.isAfter(now) ? ready : now;
    }

    /** How long until the next message may go to anyone. */
    Duration globalWait(Instant now) {
        return globalReadyAt.isAfter(now) ? Duration.between(now, globalReadyAt) : Duration.ZERO;
    }

    void sent(long chatId, Instant at) {
        globalReadyAt = later(globalReadyAt, at.plus(GLOBAL_SPACING));
        chatReadyAt.put(chatId, later(chatReadyAt.getOrDefault(chatId, Instant.EPOCH), at.plus(PER_CHAT_SPACING)));
        if (chatId < 0) {
            Deque<Instant> sends = groupSends.computeIfAbsent(chatId, k -> new ArrayDeque<>());
            sends.addLast(at);
            while (sends.size() > GROUP_PER_MINUTE) sends.removeFirst();
        }
        if (chatReadyAt.size() > 100_000) chatReadyAt.values().removeIf(t -> t.isBefore(at)); // forget idle chats
    }

    /** Telegram said 429: nothing more for this chat, or for anyone, until then. */
    void retryAfter(long chatId, Instant until, boolean global) {
        chatReadyAt.put(chatId, later(chatReadyAt.getOrDefault(chatId, Instant.EPOCH), until));
        if (global) globalReadyAt = later(globalReadyAt, until);
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
