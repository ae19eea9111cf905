package org.treatywatch.match;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.treatywatch.text.Clitics;
import org.treatywatch.text.Tokenizer;

/**
 * A chat's filter as typed after /subscribe: words that must all appear, {@code -word} that must
 * not, {@code @feed-id} to limit outlets. Words are normalized like article text, so معاهدة
 * finds والمعاهدة.
 */
public record KeywordFilter(List<String> include, List<String> exclude, Set<String> feeds) {

    public static KeywordFilter parse(String text) {
        List<String> include = new ArrayList<>(), exclude = new ArrayList<>();
        Set<String> feeds = new HashSet<>();
        for (String part : (text == null ? "" : text).strip().split("\\s+")) {
            if (part.isEmpty()) continue;
            if (part.startsWith("@") && part.length() > 1) feeds.add(part.substring(1).toLowerCase());
            else if (part.startsWith("-") && part.length() > 1) exclude.addAll(Tokenizer.normalizedTokens(part.substring(1)));
            else include.addAll(Tokenizer.normalizedTokens(part));
        }
        return new KeywordFilter(List.copyOf(include), List.copyOf(exclude), Set.copyOf(feeds));
    }

    public boolean isEmpty() {
        return include.isEmpty() && exclude.isEmpty() && feeds.isEmpty();
    }

    public boolean matches(ItemFacts item) {
        if (!feeds.isEmpty() && !feeds.contains(item.feedId())) return false;
        for (String w : include) if (!item.words().contains(w)) return false;
        for (String w : exclude) if (item.words().contains(w)) return false;
        return true;
    }

    /** Every word of the text and each of its clitic readings, for {@link ItemFacts}. */
    public static Set<String> wordsOf(String text) {
        Set<String> out = new HashSet<>();
        for (String t : Tokenizer.normalizedTokens(text)) out.addAll(Clitics.readings(t));
        return out;
    }
}
