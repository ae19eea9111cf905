package org.treatywatch.fetch;

import java.time.Duration;
import java.util.Optional;

/** A fetch that produced no usable body, with a message fit for a feed's health line. */
public class FetchException extends Exception {
    private final int status;
    private final Duration retryAfter;

    public FetchException(String message) {
        this(message, 0, null, null);
    }

    public FetchException(String message, Throwable cause) {
        this(message, 0, null, cause);
    }

    public FetchException(String message, int status, Duration retryAfter, Throwable cause) {
        super(message, cause);
        this.status = status;
        this.retryAfter = retryAfter;
    }

    /** The HTTP status, or 0 when no response arrived. */
    public int status() {
        return status;
    }

    /** What the server asked us to wait (Retry-After on 429/503). */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
