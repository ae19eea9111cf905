package org.treatywatch.config;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.pattern.CompositeConverter;

/** Logback: {@code %mask(...)} masks secrets in what it wraps (the message and the exception). */
public final class MaskingConverter extends CompositeConverter<ILoggingEvent> {
    @Override
    protected String transform(ILoggingEvent event, String in) {
        return Secrets.mask(in);
    }
}
