package org.treatywatch.match;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.treatywatch.store.Subscription;

/**
 * A reproducible matching workload for benchmarks: subscriptions (10% whole topic, the rest 1–5
 * keywords from a 5,000-word vocabulary, some excluded, 20% limited to a feed) and 400-word
 * articles whose words follow a Zipf-like skew, as news text does.
 */
public final class SyntheticLoad {
    /** The 28 Arabic letters (U+0627..U+064A without hamza forms), for made-up words. */
    private static final String LETTERS = arabicLetters();

    private final Random rnd;
    private final String[] vocabulary;

    public SyntheticLoad(long seed) {
        rnd = new Random(seed);
        List<String> v = new ArrayList<>(topicWords());
        Random words = new Random(1);
        for (int i = 0; i < 5000; i++) {
            StringBuilder w = new StringBuilder();
            for (int k = 0, n = 3 + words.nextInt(5); k < n; k++) w.append(LETTERS.charAt(words.nextInt(LETTERS.length())));
            v.add(w.toString());
        }
        vocabulary = v.toArray(String[]::new);
    }

    private static List<String> topicWords() {
        try (java.io.InputStream in = SyntheticLoad.class.getResourceAsStream("/bench/topic-words.txt")) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).lines().filter(l -> !l.isBlank()).toList();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String arabicLetters() {
        StringBuilder sb = new StringBuilder();
        for (char c = '\u0627'; c <= '\u064A'; c++) if (Character.isLetter(c) && c != '\u0629' && c != '\u0640') sb.append(c);
        return sb.toString();
    }

    public List<Subscription> subscriptions(int count) {
        return subscriptions(count, true);
    }

    /**
     * Keyword subscriptions only (none for the whole topic): they cost the index memory and matching
     * work, while a whole-topic one is shared and costs a message per item, which a benchmark of
     * many subscriptions cannot wait for at Telegram's 30 a second.
     */
    public List<Subscription> keywordSubscriptions(int count) {
        return subscriptions(count, false);
    }

    private List<Subscription> subscriptions(int count, boolean someWholeTopic) {
        List<Subscription> subs = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String filter = "";
            if (i % 10 != 0 || !someWholeTopic) {
                StringBuilder f = new StringBuilder();
                int words = 1 + rnd.nextInt(5);
                // People filter on specific words (names, places, deals): drawn evenly from the vocabulary.
                for (int k = 0; k < words; k++) {
                    f.append(k > 0 && rnd.nextInt(4) == 0 ? "-" : "").append(vocabulary[rnd.nextInt(vocabulary.length)]).append(' ');
                }
                if (rnd.nextInt(5) == 0) f.append("@feed-").append(rnd.nextInt(20));
                filter = f.toString().strip();
            }
            subs.add(new Subscription(i, i, i % 2 == 0 ? "he" : "ar", Subscription.TREATY, filter));
        }
        return subs;
    }

    public List<ItemFacts> articles(int count) {
        List<ItemFacts> items = new ArrayList<>(count);
        for (int a = 0; a < count; a++) {
            StringBuilder text = new StringBuilder();
            for (int w = 0; w < 400; w++) {
                int index = (int) Math.min(vocabulary.length - 1, Math.floor(Math.pow(vocabulary.length, rnd.nextDouble())) - 1);
                text.append(vocabulary[index]).append(rnd.nextInt(8) == 0 ? "\u060C " : " ");
            }
            items.add(new ItemFacts("feed-" + rnd.nextInt(20), KeywordFilter.wordsOf(text.toString())));
        }
        return items;
    }
}
