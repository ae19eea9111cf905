package org.treatywatch.bot;

/**
 * Why {@code /addfeed} added nothing: a reason the reply names in the admin's language (a flag of
 * {@code addfeed_error}), and the technical detail shown beside it.
 */
public final class AddFeedException extends Exception {
    /** The reasons addfeed_error.*.mustache words. */
    public enum Reason { BAD_URL, BAD_ID, ID_TAKEN, BAD_LANGUAGE, BAD_INTERVAL, PRIVATE_ADDRESS, UNREACHABLE, NOT_A_SOURCE, NO_ITEMS, ALREADY_LISTED, INTERNAL }

    private final Reason reason;

    public AddFeedException(Reason reason, String detail) {
        super(detail);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }

    /** The template flag, e.g. {@code not_a_source}. */
    public String flag() {
        return reason.name().toLowerCase(java.util.Locale.ROOT);
    }
}
