package org.treatywatch.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.treatywatch.store.ItemStore;

/** The archive search reads words like the detector: clitics, Persian letters, diacritics, name variants. */
class ArchiveIndexTest {
    static final Instant NOW = Instant.parse("2026-11-30T12:00:00Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    static ItemStore.Archived item(long id, Long story, String title, String outlet, Duration age) {
        return new ItemStore.Archived(id, story, title, "", outlet, "https://news.example/" + id, NOW.minus(age), null, null);
    }

    static List<String> titles(ArchiveIndex.Page p) {
        return p.hits().stream().map(ArchiveIndex.Hit::title).toList();
    }

    @Test
    void wordsAreFoundInEveryFormTheNewsWritesThem() {
        try (ArchiveIndex index = ArchiveIndex.open(Optional.empty(), CLOCK)) {
            index.add(List.of(
                    item(1, 1L, "مجلس الدوما يصادق على والمعاهدة مع إيران", "A", Duration.ofDays(1)),
                    item(2, 2L, "פוטין ופזשכיאן נפגשו במוסקבה", "B", Duration.ofDays(1)),
                    item(3, 3L, "لقاء مع الرئيس بزشكيان في طهران", "C", Duration.ofDays(1)),
                    item(4, 4L, "وزير الخارجية في إیران", "D", Duration.ofDays(1)),
                    item(5, 5L, "מזג האוויר בצפון", "E", Duration.ofDays(1))));
            assertThat(titles(index.search("معاهدة", 1))).as("a clitic on the indexed word").containsExactly("مجلس الدوما يصادق على والمعاهدة مع إيران");
            assertThat(titles(index.search("والمعاهدة", 1))).as("a clitic on the query word").hasSize(1);
            assertThat(titles(index.search("פזשכיאן", 1))).containsExactly("פוטין ופזשכיאן נפגשו במוסקבה");
            assertThat(titles(index.search("פזשקיאן", 1))).as("another transliteration of the name").hasSize(1);
            assertThat(titles(index.search("بيزشكيان", 1))).as("the name spelled with a yeh").containsExactly("لقاء مع الرئيس بزشكيان في طهران");
            assertThat(titles(index.search("إيران", 1))).as("Persian yeh folded").contains("وزير الخارجية في إیران", "مجلس الدوما يصادق على والمعاهدة مع إيران");
            assertThat(titles(index.search("مُعَاهَدَة", 1))).as("diacritics").hasSize(1);
            assertThat(titles(index.search("פזשכיאן טהרן", 1))).as("every word must match").isEmpty();
            assertThat(index.search("   ", 1).total()).isZero();
        }
    }

    @Test
    void aStoryIsOneResultWithAllItsOutletsNewestFirstFivePerPage() {
        try (ArchiveIndex index = ArchiveIndex.open(Optional.empty(), CLOCK)) {
            List<ItemStore.Archived> items = new ArrayList<>();
            for (int i = 1; i <= 12; i++) items.add(item(i, (long) i, "הסכם השותפות האסטרטגית " + i, "outlet" + i, Duration.ofDays(i * 20L)));
            items.add(item(13, 1L, "הסכם השותפות האסטרטגית 1", "another outlet", Duration.ofDays(20)));
            index.add(items);
            ArchiveIndex.Page first = index.search("הסכם", 1);
            assertThat(first.total()).isEqualTo(12);
            assertThat(first.hits()).hasSize(5);
            assertThat(first.hits().get(0).outlets()).containsExactlyInAnyOrder("outlet1", "another outlet");
            assertThat(first.hits()).extracting(ArchiveIndex.Hit::seen).isSortedAccordingTo(java.util.Comparator.reverseOrder());
            assertThat(first.hasPrevious()).isFalse();
            assertThat(first.hasNext()).isTrue();
            ArchiveIndex.Page last = index.search("הסכם", 3);
            assertThat(last.hits()).hasSize(2);
            assertThat(last.hasNext()).isFalse();
            assertThat(last.hasPrevious()).isTrue();
        }
    }

    @Test
    void theIndexFollowsTheItemsTableAndContinuesAfterARestart(@TempDir Path dir) {
        try (org.treatywatch.store.Db db = org.treatywatch.store.Db.open("jdbc:h2:file:" + dir.resolve("db"))) {
            new org.treatywatch.store.FeedStore(db).syncFromYaml(List.of(new org.treatywatch.config.FeedDef("f", "F", "https://e.org/rss",
                    org.treatywatch.config.FeedDef.Kind.RSS, "ar", Duration.ofMinutes(10), true, Optional.empty())));
            org.treatywatch.store.PollRecorder recorder = new org.treatywatch.store.PollRecorder(db);
            ItemStore items = new ItemStore(db);
            recorder.record("f", List.of(
                    new org.treatywatch.store.PollRecorder.NewItem(stored("1", "روسيا وإيران توقعان المعاهدة", "relevant"), java.util.Map.of()),
                    new org.treatywatch.store.PollRecorder.NewItem(stored("2", "معاهدة للتجارة الحرة بين دولتين", "irrelevant"), java.util.Map.of())),
                    NOW);
            Path folder = dir.resolve("db.search");
            try (ArchiveIndex index = ArchiveIndex.open(Optional.of(folder), CLOCK)) {
                assertThat(index.catchUp(items)).as("relevant items only").isEqualTo(1);
                assertThat(index.search("معاهدة", 1).total()).isEqualTo(1);
            }
            recorder.record("f", List.of(new org.treatywatch.store.PollRecorder.NewItem(stored("3", "الدوما يصادق على المعاهدة", "relevant"),
                    java.util.Map.of())), NOW);
            try (ArchiveIndex index = ArchiveIndex.open(Optional.of(folder), CLOCK)) {
                assertThat(index.catchUp(items)).as("only what came after the last indexed item").isEqualTo(1);
                assertThat(index.search("معاهدة", 1).total()).isEqualTo(2);
            }
        }
    }

    private static org.treatywatch.store.StoredItem stored(String guid, String title, String status) {
        return new org.treatywatch.store.StoredItem(0, "f", guid, "https://e.org/" + guid, title, null, "ar", status, 0.9, "");
    }
}
