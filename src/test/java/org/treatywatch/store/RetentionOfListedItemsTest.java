package org.treatywatch.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.treatywatch.TestFiles;
import org.treatywatch.TestFiles.RssItem;
import org.treatywatch.config.FeedDef;
import org.treatywatch.deliver.AlertRenderer;
import org.treatywatch.deliver.Templates;
import org.treatywatch.fetch.HttpFetcher;
import org.treatywatch.fetch.TestHttpServer;
import org.treatywatch.fetch.UrlGuard;
import org.treatywatch.match.SubscriptionCache;
import org.treatywatch.pipeline.ArticleAnalyzer;
import org.treatywatch.pipeline.FeedPoller;
import org.treatywatch.pipeline.PollReport;

/**
 * Retention runs while a feed still lists what it deletes, through the real pipeline on an H2 file
 * with the clock moved past the retention: the irrelevant item the feed still lists is not fetched
 * and judged again, and a new report of a story already alerted edits that alert instead of
 * sending a second one.
 */
class RetentionOfListedItemsTest {
    static final long CHAT = 4242;
    static final Duration KEEP = Duration.ofHours(1); // the shortest TREATYWATCH_RETENTION allowed

    @TempDir
    Path dir;

    /** A clock the test moves forward. */
    static final class MovableClock extends Clock {
        private volatile Instant now;

        MovableClock(Instant start) {
            this.now = start;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }

    @Test
    void listedItemsAreNotJudgedAgainAndANewReportOfAnAlertedStoryEditsIt() throws Exception {
        try (TestHttpServer web = new TestHttpServer(); Db db = Db.open("jdbc:h2:file:" + dir.resolve("tw"))) {
            String signed = TestFiles.resource("fixtures/ar-treaty-signed.html");
            web.serve("/signed", "text/html; charset=utf-8", signed);
            web.serve("/copy", "text/html; charset=utf-8", signed); // another outlet's copy: the same story
            web.serve("/korea", "text/html; charset=utf-8", TestFiles.resource("fixtures/ar-north-korea.html"));
            List<RssItem> listing = new ArrayList<>();
            web.serve("/feed.xml", "application/rss+xml", TestFiles.rss(listing));
            FeedStore feeds = new FeedStore(db);
            feeds.add(new FeedDef("f", "Outlet", web.url("/feed.xml"), FeedDef.Kind.RSS, "ar", Duration.ofMinutes(10), true, Optional.empty()),
                    FeedRow.ORIGIN_BOT);
            ChatStore chats = new ChatStore(db);
            chats.ensure(CHAT, "ar", "private");
            chats.subscribeTopic(CHAT);
            MovableClock clock = new MovableClock(Instant.now());
            FeedPoller poller = new FeedPoller(feeds, new ItemStore(db), new PollRecorder(db), new HttpFetcher(new UrlGuard(true)),
                    new ArticleAnalyzer(TestFiles.shippedDetector(), TestFiles.shippedGazetteer()),
                    new AlertRenderer(new Templates(Path.of("templates"))), new SubscriptionCache(chats), new StoryStore(db), () -> { })
                    .withClock(clock);
            OutboxStore outbox = new OutboxStore(db);
            Retention retention = new Retention(db);

            poller.pollScheduled("f"); // the first poll records the (empty) feed
            listing.add(new RssItem("korea", "روسيا وكوريا الشمالية تفعّلان معاهدة الشراكة الاستراتيجية", web.url("/korea"), ""));
            listing.add(new RssItem("signed", "بوتين وبزشكيان يوقعان معاهدة الشراكة الاستراتيجية الشاملة", web.url("/signed"), ""));
            web.serve("/feed.xml", "application/rss+xml", TestFiles.rss(listing));
            PollReport first = poller.pollScheduled("f");
            assertThat(first.newItems()).isEqualTo(2);
            assertThat(first.relevant()).isEqualTo(1);
            OutboxRow alert = outbox.duePerChat(clock.instant(), 10).get(0);
            assertThat(outbox.claim(alert.id())).isTrue();
            outbox.markSent(alert.id(), 777, clock.instant()); // the sender sent it

            clock.advance(KEEP.multipliedBy(2));
            retention.deleteOlderThan(KEEP, clock.instant());
            int koreaPageFetches = web.hits("/korea");

            listing.add(new RssItem("copy", "بوتين وبزشكيان يوقعان معاهدة الشراكة الاستراتيجية الشاملة", web.url("/copy"), ""));
            web.serve("/feed.xml", "application/rss+xml", TestFiles.rss(listing));
            PollReport second = poller.pollScheduled("f");

            assertThat(second.newItems()).as("only the new report is new: the listed irrelevant item is known").isEqualTo(1);
            assertThat(web.hits("/korea")).as("not fetched again").isEqualTo(koreaPageFetches);
            assertThat(StoredRows.byFeed(db, "f")).extracting(StoredItem::guid).containsExactly("korea", "signed", "copy");
            assertThat(outbox.count(OutboxRow.PENDING)).as("no second full alert").isZero();
            assertThat(outbox.wantedEdits(10)).extracting(OutboxStore.WantedEdit::id).containsExactly(alert.id());
        }
    }
}
