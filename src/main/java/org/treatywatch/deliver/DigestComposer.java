package org.treatywatch.deliver;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.treatywatch.store.ChatStore;
import org.treatywatch.store.OutboxStore;
import org.treatywatch.text.Bidi;

/**
 * Daily digests: when a digest chat's time has come (in its time zone) and its last digest is older
 * than that moment, its held alerts become one message. A digest missed while the service was down
 * is therefore sent at the first check after start.
 */
public final class DigestComposer {
    private static final Logger log = LoggerFactory.getLogger(DigestComposer.class);
    static final Duration CHECK_EVERY = Duration.ofSeconds(20);
    static final int MAX_ITEMS = 30;

    private final OutboxStore outbox;
    private final ChatStore chats;
    private final Templates templates;
    private Instant lastCheck = Instant.EPOCH;

    public DigestComposer(OutboxStore outbox, ChatStore chats, Templates templates) {
        this.outbox = outbox;
        this.chats = chats;
        this.templates = templates;
    }

    /** Called by the sender's loop; looks at most every {@link #CHECK_EVERY}. */
    void releaseDue(Instant now) {
        if (Duration.between(lastCheck, now).compareTo(CHECK_EVERY) < 0) return;
        lastCheck = now;
        releaseAllDue(now);
    }

    /** Releases every digest that is due at this moment; returns how many were released. */
    public int releaseAllDue(Instant now) {
        int released = 0;
        for (ChatStore.DigestChat d : chats.digestChats()) {
            Instant due = lastDueTime(d, now);
            if (d.lastDigestAt().isPresent() && !d.lastDigestAt().get().isBefore(due)) continue;
            List<OutboxStore.HeldAlert> held = outbox.held(d.chatId());
            if (held.isEmpty()) continue;
            List<Map<String, Object>> items = new ArrayList<>();
            for (OutboxStore.HeldAlert h : held.subList(0, Math.min(MAX_ITEMS, held.size()))) {
                items.add(Map.of("title", Bidi.isolateLtrRuns(h.title() == null ? "" : h.title()), "url", h.url() == null ? "" : h.url()));
            }
            String body = templates.render("digest", d.language(), Map.of("count", held.size(), "items", items,
                    "more", Math.max(0, held.size() - MAX_ITEMS))).strip();
            outbox.releaseDigest(d.chatId(), held, body, now);
            log.info("chat={} digest of {} alert(s) queued", d.chatId(), held.size());
            released++;
        }
        return released;
    }

    /** The most recent moment, at or before now, when this chat's digest was due. */
    static Instant lastDueTime(ChatStore.DigestChat d, Instant now) {
        ZoneId zone;
        try {
            zone = ZoneId.of(d.timeZone());
        } catch (DateTimeException e) {
            zone = ZoneId.of("UTC");
        }
        LocalTime at = LocalTime.parse(d.digestTime());
        ZonedDateTime today = now.atZone(zone).with(at);
        return (today.toInstant().isAfter(now) ? today.minusDays(1) : today).toInstant();
    }
}
