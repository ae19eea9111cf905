package org.treatywatch.match;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.treatywatch.store.Subscription;

class SubscriptionIndexTest {
    static Subscription sub(long id, long chat, String filter) {
        return new Subscription(id, chat, chat % 2 == 0 ? "he" : "ar", Subscription.TREATY, filter);
    }

    static ItemFacts item(String feed, String text) {
        return new ItemFacts(feed, KeywordFilter.wordsOf(text));
    }

    @Test
    void filtersMatchLikeArticleTextWithExcludesAndFeeds() {
        SubscriptionIndex index = new SubscriptionIndex(List.of(
                sub(1, 1, ""),
                sub(2, 2, "معاهدة"),
                sub(3, 3, "والمعاهدة"),
                sub(4, 4, "معاهدة -الصين"),
                sub(5, 5, "@bbc-arabic"),
                sub(6, 6, "ברית @ynet"),
                sub(7, 7, "הסכם -סין"),
                sub(8, 8, "موسكو طهران")));
        assertThat(index.match(item("bbc-arabic", "روسيا وإيران والمعاهدة الجديدة في موسكو"))).containsOnlyKeys(1L, 2L, 3L, 4L, 5L);
        assertThat(index.match(item("other", "المعاهدة مع الصين"))).containsOnlyKeys(1L, 2L, 3L);
        assertThat(index.match(item("ynet", "הסכם בברית החדשה"))).containsOnlyKeys(1L, 6L, 7L);
        assertThat(index.match(item("walla", "הסכם עם סין"))).containsOnlyKeys(1L);
        assertThat(index.match(item("x", "موسكو وطهران"))).containsKeys(8L);
        assertThat(index.match(item("x", "موسكو"))).doesNotContainKey(8L);
    }

    @Test
    void aChatWithSeveralMatchingSubscriptionsIsAlertedOnce() {
        SubscriptionIndex index = new SubscriptionIndex(List.of(sub(1, 9, ""), sub(2, 9, "معاهدة"), sub(3, 9, "@f")));
        Map<Long, String> chats = index.match(item("f", "المعاهدة"));
        assertThat(chats).containsOnlyKeys(9L);
    }

    @Test
    void theIndexAgreesWithTheNaiveScanOnRandomSubscriptions() {
        Random rnd = new Random(7);
        String[] words = {"معاهدة", "روسيا", "إيران", "الصين", "موسكو", "طهران", "הסכם", "רוסיה", "איראן", "סין", "ברית", "גז", "نفط", "غاز"};
        String[] feeds = {"a", "b", "c"};
        List<Subscription> subs = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            StringBuilder f = new StringBuilder();
            int n = rnd.nextInt(4);
            for (int k = 0; k < n; k++) f.append(rnd.nextInt(4) == 0 ? "-" : "").append(words[rnd.nextInt(words.length)]).append(' ');
            if (rnd.nextInt(5) == 0) f.append('@').append(feeds[rnd.nextInt(3)]);
            subs.add(sub(i, rnd.nextInt(800), f.toString().strip()));
        }
        SubscriptionIndex index = new SubscriptionIndex(subs);
        for (int t = 0; t < 300; t++) {
            StringBuilder text = new StringBuilder();
            for (int k = 0; k < 6; k++) text.append(rnd.nextBoolean() ? "و" : "").append(words[rnd.nextInt(words.length)]).append(' ');
            ItemFacts it = item(feeds[rnd.nextInt(3)], text.toString());
            assertThat(index.match(it).keySet()).isEqualTo(SubscriptionMatcher.match(subs, it).keySet());
        }
    }
}
