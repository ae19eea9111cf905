package org.treatywatch.bot;

import java.util.List;
import java.util.Optional;
import org.treatywatch.config.FeedDef;
import org.treatywatch.store.FeedRow;

/** What admins can do through the bot; the service implements it with the store and scheduler. */
public interface AdminActions {
    List<FeedRow> feeds();

    /** Validates, fetches once, detects the kind (feed, sitemap, page) and adds; or offers the feed a page advertises. */
    Added addFeed(String url, Optional<String> id, Optional<String> language, Optional<String> interval) throws AddFeedException;

    /**
     * Adds every feed of an OPML file as /addfeed would, each on its own: a bad entry is reported and skipped;
     * a feed that cannot be fetched now is added all the same, marked failing, for the scheduler to retry.
     */
    ImportReport importFeeds(String opml);

    /** The feed list (feeds.yaml and added by admins) as OPML, and as a feeds.yaml with the topics. */
    String exportOpml();

    String exportYaml();

    boolean removeFeed(String id);

    boolean setPaused(String id, boolean paused);

    boolean pollNow(String id);

    /** Re-reads feeds.yaml and the templates; returns the number of feeds and the errors found. */
    Reloaded reload();

    Stats stats();

    /**
     * What /addfeed did: added {@code def} with {@code items}, or (def null) found a page that advertises {@code offer};
     * {@code down} is why an imported feed added unchecked could not be fetched.
     */
    record Added(FeedDef def, int items, Optional<String> offer, Optional<String> down) {
        public static Added fetched(FeedDef def, int items) {
            return new Added(def, items, Optional.empty(), Optional.empty());
        }

        public static Added offering(String feedUrl) {
            return new Added(null, 0, Optional.of(feedUrl), Optional.empty());
        }

        public static Added unreachable(FeedDef def, String error) {
            return new Added(def, 0, Optional.empty(), Optional.of(error));
        }
    }

    record Reloaded(int feeds, List<String> errors) {}

    /** An import: a file-level error (not OPML), or one line per entry. */
    record ImportReport(Optional<String> fileError, List<ImportLine> lines) {
        public long added() {
            return lines.stream().filter(l -> l.added().isPresent()).count();
        }

        /** Of those added, the feeds that could not be fetched. */
        public long down() {
            return lines.stream().filter(l -> l.down().isPresent()).count();
        }
    }

    /**
     * One entry: added as this feed (with {@code down}, the fetch error, when it was unreachable), or refused
     * with an /addfeed reason ({@link AddFeedException#flag()}) and detail.
     */
    record ImportLine(String url, String title, Optional<FeedDef> added, int items, Optional<String> offer, Optional<String> down,
                      Optional<AddFeedException> error) {}

    /** {@code databaseBytes} is -1 when the size cannot be known (an in-memory database). */
    record Stats(int chats, int subscriptions, int sentToday, int sentThisWeek, int failed, int queued, long databaseBytes) {}
}
