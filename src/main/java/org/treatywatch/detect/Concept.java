package org.treatywatch.detect;

import java.util.Locale;
import java.util.Optional;

/** What a lexicon form stands for. People count as their country. */
public enum Concept {
    RUSSIA, IRAN, TREATY, TREATY_STRONG, CONTEXT, THIRD_PARTY;

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
