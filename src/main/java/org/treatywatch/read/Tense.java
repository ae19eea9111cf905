package org.treatywatch.read;

import java.util.Locale;

/**
 * How a sentence reports an event: done ("met", "signed"), upcoming ("will sign", "ahead of the
 * signing"), past background ("the treaty signed in January"), hoped for, denied, or a bare noun
 * with no tense ("the signing"). Only done and upcoming events are news an alert may state.
 */
public enum Tense {
    DONE, UPCOMING, PAST, HOPED, DENIED, UNMARKED;

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Hoped-for events are told as upcoming; denied and background ones are not news. */
    public boolean upcoming() {
        return this == UPCOMING || this == HOPED;
    }
}
