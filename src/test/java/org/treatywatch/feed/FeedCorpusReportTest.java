package org.treatywatch.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.treatywatch.fetch.Charsets;

/**
 * The Universal Feed Parser's test feeds (../shared/corpus/feeds): how many parse, and how many
 * first entries match the title/link/summary/id their "Expect:" header names. Skipped where the
 * corpus is absent.
 */
@EnabledIf("corpusPresent")
class FeedCorpusReportTest {
    static final Path CORPUS = Path.of("../shared/corpus/feeds/feedparser");
    static final Pattern EXPECT = Pattern.compile(
            "entries\\[0\\](?:\\['(title|link|summary|description|id)'\\]|\\.(title|link|summary|description|id)) == u?'((?:[^'\\\\]|\\\\.)*)'");

    static boolean corpusPresent() {
        return Files.isDirectory(CORPUS);
    }

    @Test
    void reportsHowManyFeedsParseAndMatchTheirExpectations() throws Exception {
        int files = 0, parsed = 0, checked = 0, matched = 0, wellformed = 0, wellformedParsed = 0;
        List<Path> all;
        try (Stream<Path> s = Files.walk(CORPUS)) {
            all = s.filter(p -> p.toString().endsWith(".xml")).sorted().toList();
        }
        for (Path p : all) {
            files++;
            byte[] bytes = Files.readAllBytes(p);
            String raw = new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1);
            boolean isWellformed = p.toString().contains("/wellformed/");
            if (isWellformed) wellformed++;
            List<FeedItem> items;
            try {
                items = FeedParser.parse(Charsets.decode(bytes, null), "http://example.com/feed.xml");
                parsed++;
                if (isWellformed) wellformedParsed++;
            } catch (FeedParseException e) {
                continue;
            }
            Matcher m = EXPECT.matcher(raw);
            if (!m.find()) continue;
            checked++;
            String field = m.group(1) != null ? m.group(1) : m.group(2);
            String expected = unescape(new String(m.group(3).getBytes(java.nio.charset.StandardCharsets.ISO_8859_1),
                    java.nio.charset.StandardCharsets.UTF_8));
            if (items.isEmpty()) continue;
            FeedItem first = items.get(0);
            String actual = switch (field) {
                case "title" -> first.title();
                case "link" -> first.url();
                case "id" -> first.guid();
                default -> first.summary();
            };
            String want = switch (field) {
                case "link" -> Urls.canonical(expected);
                case "id" -> expected;
                default -> Jsoup.parse(expected).text().strip();
            };
            if (want.equals(actual)) matched++;
        }
        System.out.printf("feedparser corpus: %d files, %d parse (%d of %d wellformed); %d with a title/link/summary/id expectation, %d match%n",
                files, parsed, wellformedParsed, wellformed, checked, matched);
        assertThat(wellformedParsed).isGreaterThanOrEqualTo((int) (wellformed * 0.95));
        assertThat(matched).isGreaterThanOrEqualTo((int) (checked * 0.8));
    }

    private static String unescape(String s) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != '\\' || i + 1 >= s.length()) {
                out.append(c);
                continue;
            }
            char n = s.charAt(++i);
            switch (n) {
                case 'n' -> out.append('\n');
                case 't' -> out.append('\t');
                case 'u' -> {
                    out.append((char) Integer.parseInt(s.substring(i + 1, i + 5), 16));
                    i += 4;
                }
                case 'x' -> {
                    out.append((char) Integer.parseInt(s.substring(i + 1, i + 3), 16));
                    i += 2;
                }
                default -> out.append(n);
            }
        }
        return out.toString();
    }
}
