package org.treatywatch.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.treatywatch.read.Concept;

class FeedsFileTest {
    @Test
    void shippedFeedsFileIsValidAndHasSixOutletsPerLanguage() {
        FeedsFile.Loaded loaded = FeedsFile.load(Path.of("feeds.yaml"));
        assertThat(loaded.errors()).isEmpty();
        assertThat(loaded.feeds().stream().filter(f -> f.language().equals("he"))).hasSizeGreaterThanOrEqualTo(6);
        assertThat(loaded.feeds().stream().filter(f -> f.language().equals("ar"))).hasSizeGreaterThanOrEqualTo(6);
        assertThat(loaded.topics()).containsKeys(Concept.RUSSIA, Concept.IRAN, Concept.TREATY, Concept.THIRD_PARTY);
        assertThat(loaded.feeds()).allMatch(f -> f.url().startsWith("https://"));
    }

    @Test
    void aHugeIntervalIsAnErrorNamingTheFeedAndTheOthersLoad() {
        FeedsFile.Loaded loaded = FeedsFile.parse("feeds.yaml", """
                feeds:
                  - id: good-one
                    url: https://example.org/rss
                    language: ar
                  - id: forever
                    url: https://example.org/a
                    language: he
                    interval: 9999999999999999d
                """);
        assertThat(loaded.feeds()).extracting(FeedDef::id).containsExactly("good-one");
        assertThat(loaded.errors()).singleElement().asString()
                .startsWith("feeds.yaml:8: feed \"forever\": interval \"9999999999999999d\" is too long");
    }

    @Test
    void namesAreOneCleanLine() {
        FeedsFile.Loaded loaded = FeedsFile.parse("feeds.yaml", """
                feeds:
                  - id: hostile
                    name: "BBC\\n---\\nعربي\\u202E\\x85 \\u0090 \\t news"
                    url: https://example.org/rss
                    language: ar
                  - id: hidden-only
                    name: "\\u202E\\u2066"
                    url: https://example.org/a
                    language: ar
                """);
        assertThat(loaded.errors()).isEmpty();
        assertThat(loaded.feeds()).extracting(FeedDef::name).containsExactly("BBC --- عربي news", "hidden-only");
        assertThat(new FeedDef("long", "x ".repeat(300), "https://example.org/", FeedDef.Kind.RSS, "ar", Duration.ofMinutes(10), true,
                java.util.Optional.empty()).name()).hasSizeLessThanOrEqualTo(FeedDef.MAX_NAME_CHARS).endsWith("…");
    }

    @Test
    void theWriterQuotesWhateverAValueHolds() {
        String hostile = "a\n---\nb \"q\" \\ # c: d \u0001\u0085\u0090\u2028\uFEFF\uD800 😀 end";
        String yaml = FeedsYamlWriter.write(java.util.List.of(new FeedDef("page-one", "Page", "https://example.org/news", FeedDef.Kind.PAGE,
                "ar", Duration.ofMinutes(10), true, java.util.Optional.of(hostile))), java.util.Map.of(), null);
        assertThat(yaml).doesNotContain("\n---\n");
        org.yaml.snakeyaml.nodes.Node root = new org.yaml.snakeyaml.Yaml().compose(new java.io.StringReader(yaml));
        assertThat(root).isNotNull();
        String links = ((org.yaml.snakeyaml.nodes.ScalarNode) ((org.yaml.snakeyaml.nodes.MappingNode)
                ((org.yaml.snakeyaml.nodes.SequenceNode) ((org.yaml.snakeyaml.nodes.MappingNode) root).getValue().get(0).getValueNode())
                        .getValue().get(0)).getValue().stream().filter(t -> ((org.yaml.snakeyaml.nodes.ScalarNode) t.getKeyNode()).getValue().equals("links"))
                .findFirst().orElseThrow().getValueNode()).getValue();
        assertThat(links).isEqualTo(hostile.replace("\uD800", "\uFFFD"));
    }

    @Test
    void reportsEveryErrorWithItsLineAndKeepsTheGoodEntries() {
        String yaml = """
                feeds:
                  - id: good-one
                    url: https://example.org/rss
                    language: ar
                    interval: 10m
                  - id: no-unit
                    url: https://example.org/a
                    language: he
                    interval: 10
                  - id: Bad_Id
                    url: ftp://example.org/x
                    language: fr
                  - id: page-feed
                    url: https://example.org/news
                    kind: page
                    language: ar
                  - id: good-one
                    url: https://example.org/dup
                    language: ar
                  - id: typo
                    url: https://example.org/t
                    language: he
                    intervall: 5m
                """;
        FeedsFile.Loaded loaded = FeedsFile.parse("feeds.yaml", yaml);
        assertThat(loaded.feeds()).extracting(FeedDef::id).containsExactly("good-one");
        assertThat(loaded.feeds().get(0).interval()).isEqualTo(Duration.ofMinutes(10));
        assertThat(loaded.errors()).contains(
                "feeds.yaml:9: feed \"no-unit\": interval \"10\" needs a unit, e.g. 10m",
                "feeds.yaml:10: id \"Bad_Id\" may use only a-z, 0-9 and '-'",
                "feeds.yaml:11: url \"ftp://example.org/x\" must be an http(s) or file: URL",
                "feeds.yaml:12: language \"fr\" must be he, ar, en, ru or fa",
                "feeds.yaml:13: feed \"page-feed\" is kind: page and needs 'links:' (a CSS selector such as \"h3 a\")",
                "feeds.yaml:17: id \"good-one\" is used twice; ids must be unique");
        assertThat(loaded.errors()).anyMatch(e -> e.startsWith("feeds.yaml:23: unknown key 'intervall'"));
    }

    @Test
    void intervalsOutsideTheAllowedRangeAreRejected() {
        FeedsFile.Loaded loaded = FeedsFile.parse("feeds.yaml", """
                feeds:
                  - {id: fast, url: "https://e.org/a", language: he, interval: 1s}
                  - {id: slow, url: "https://e.org/b", language: he, interval: 2d}
                  - {id: ok, url: "https://e.org/c", language: he, interval: 5s, enabled: false}
                """);
        assertThat(loaded.errors()).containsExactly(
                "feeds.yaml:2: feed \"fast\": interval \"1s\" is outside 5s .. 24h",
                "feeds.yaml:3: feed \"slow\": interval \"2d\" is outside 5s .. 24h");
        assertThat(loaded.feeds()).singleElement().satisfies(f -> assertThat(f.enabled()).isFalse());
    }

    @Test
    void brokenYamlNamesTheLine() {
        FeedsFile.Loaded loaded = FeedsFile.parse("feeds.yaml", "feeds:\n  - id: a\n    url: [unclosed\n");
        assertThat(loaded.feeds()).isEmpty();
        assertThat(loaded.errors()).singleElement().asString().startsWith("feeds.yaml:").contains("not valid YAML");
    }

    @Test
    void topicsAcceptPerLanguageListsAndRejectUnknownConcepts() {
        FeedsFile.Loaded loaded = FeedsFile.parse("feeds.yaml", """
                topics:
                  threshold: 0.7
                  russia: {he: [רוסיה], ar: [روسيا]}
                  iran: [איראן, ايران]
                  weather: [rain]
                """);
        assertThat(loaded.threshold()).isEqualTo(0.7);
        assertThat(loaded.topics().get(Concept.RUSSIA)).containsExactly("רוסיה", "روسيا");
        assertThat(loaded.topics().get(Concept.IRAN)).containsExactly("איראן", "ايران");
        assertThat(loaded.errors()).singleElement().asString().startsWith("feeds.yaml:5: unknown concept 'weather'");
    }

    static final String ONE_FEED = "feeds:\n  - id: a\n    url: https://example.org/rss\n    language: ar\n";

    @Test
    void anAliasBombUnderTopicsIsRefusedWithALineNotAnOutOfMemoryError() {
        StringBuilder yaml = new StringBuilder(ONE_FEED + "topics:\n  x0: &a0 [lol, lol]\n");
        for (int i = 1; i <= 30; i++) yaml.append("  x").append(i).append(": &a").append(i).append(" {p: *a").append(i - 1).append(", q: *a").append(i - 1).append("}\n");
        yaml.append("  russia: {ar: *a30}\n");
        FeedsFile.Loaded loaded = FeedsFile.parse("feeds.yaml", yaml.toString());
        assertThat(loaded.errors()).singleElement().asString().startsWith("feeds.yaml").contains("aliases");
    }

    @Test
    void aSelfReferencingAliasIsAnErrorWithItsLine() {
        String yaml = ONE_FEED + "topics:\n  russia: &r {he: [a], ar: *r}\n";
        FeedsFile.Loaded loaded = FeedsFile.parse("feeds.yaml", yaml);
        assertThat(loaded.errors()).anyMatch(e -> e.matches("feeds\\.yaml:\\d+: .*"));
    }
}
