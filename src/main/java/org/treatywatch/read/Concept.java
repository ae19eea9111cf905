package org.treatywatch.read;

import java.util.Locale;
import java.util.Optional;

/**
 * What a lexicon form stands for. People, institutions, companies and projects count as their side.
 * INTERACTION: the two sides dealing with each other (met, called, received, delivered, cooperation).
 * MULTILATERAL: settings where the two are listed, not the subject (UN Security Council, IAEA, P5+1).
 * CONFLICT: strikes and wars others wage on one side. UKRAINE_WAR: Iranian drones and missiles in
 * Russia's war, a separate story. TRANSIT: "via", "through" — a third party named right after it is
 * a route (gas via Azerbaijan), not a party.
 */
public enum Concept {
    RUSSIA, IRAN, TREATY, TREATY_STRONG, INTERACTION, CONTEXT, THIRD_PARTY, MULTILATERAL, CONFLICT, UKRAINE_WAR, TRANSIT;

    /** The key used in feeds.yaml under {@code topics:}, e.g. {@code treaty_strong}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Concept> fromKey(String key) {
        for (Concept c : values()) {
            if (c.key().equals(key)) return Optional.of(c);
        }
        return Optional.empty();
    }
}
