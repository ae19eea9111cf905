package org.treatywatch.feed;

/** A feed that cannot be read even leniently. */
public class FeedParseException extends Exception {
    public FeedParseException(String message, Throwable cause) {
        super(message, cause);
    }
}
