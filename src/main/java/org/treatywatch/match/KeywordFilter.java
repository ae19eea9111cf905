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
 * finds والمعاهدة. Immutable; the accepted forms of each word are computed once.
 */
public final class KeywordFilter {
    private final List<String> include;
    private final List<String> exclude;
    private final Set<String> feeds;
    private final List<List<String>> includeForms;
    private final List<List<String>> excludeForms;

    private KeywordFilter(List<String> include, List<String> exclude, Set<String> feeds) {
        this.include = List.copyOf(include);
        this.exclude = List.copyOf(exclude);
        this.feeds = Set.copyOf(feeds);
        this.includeForms = include.stream().map(KeywordFilter::forms).toList();
        this.excludeForms = exclude.stream().map(KeywordFilter::forms).toList();
    }

    public static KeywordFilter parse(String text) {
        List<String> include = new ArrayList<>(), exclude = new ArrayList<>();
        Set<String> feeds = new HashSet<>();
        for (String part : (text == null ? "" : text).strip().split("\\s+")) {
            if (part.isEmpty()) continue;
            if (part.startsWith("@") && part.length() > 1) feeds.add(part.substring(1).toLowerCase());
            else if (part.startsWith("-") && part.length() > 1) exclude.addAll(Tokenizer.normalizedTokens(part.substring(1)));
            else include.addAll(Tokenizer.normalizedTokens(part));
        }
        return new KeywordFilter(include, exclude, feeds);
    }

    public List<String> include() {
        return include;
    }

    public List<String> exclude() {
        return exclude;
    }

    public Set<String> feeds() {
        return feeds;
    }

    public boolean isEmpty() {
        return include.isEmpty() && exclude.isEmpty() && feeds.isEmpty();
    }

    public boolean matches(ItemFacts item) {
        if (!feeds.isEmpty() && !feeds.contains(item.feedId())) return false;
        for (List<String> forms : includeForms) if (!present(forms, item)) return false;
        for (List<String> forms : excludeForms) if (present(forms, item)) return false;
        return true;
    }

    private static boolean present(List<String> forms, ItemFacts item) {
        for (String f : forms) if (item.words().contains(f)) return true;
        return false;
    }

    /**
     * A filter word is found if the item has it, or (when the user typed it with a clitic, e.g.
     * والمعاهدة) one of its stripped readings of four letters or more. The item side already holds
     * every reading of its own words.
     */
    static List<String> forms(String word) {
        List<String> out = new ArrayList<>();
        for (String r : Clitics.readings(word)) if (r.equals(word) || r.length() >= 4) out.add(r);
        return out;
    }

    /** The term to index a word under: its shortest acceptable form, which every matching item contains. */
    static String indexKey(String word) {
        List<String> f = forms(word);
        return f.get(f.size() - 1);
    }

    /** Every word of the text and each of its clitic readings, for {@link ItemFacts}. */
    public static Set<String> wordsOf(String text) {
        Set<String> out = new HashSet<>();
        for (String t : Tokenizer.normalizedTokens(text)) out.addAll(Clitics.readings(t));
        return out;
    }
}
