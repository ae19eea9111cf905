package org.treatywatch.store;

import java.time.Instant;
import java.util.Optional;

/** A Telegram chat the bot talks to: its language, type and delivery settings. */
public record Chat(long chatId, String language, String type, boolean active, Optional<Instant> mutedUntil,
                   Optional<String> digestTime, String timeZone) {
    public boolean mutedAt(Instant now) {
        return mutedUntil.map(now::isBefore).orElse(false);
    }
}
