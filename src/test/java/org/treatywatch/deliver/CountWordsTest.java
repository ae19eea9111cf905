package org.treatywatch.deliver;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every message that counts something says one of it in the singular ("ידיעה אחת", "خبر واحد"),
 * two of it in Arabic's dual, and the Arabic plural that fits the number (3–10, 11–99, 100 on),
 * never "1 ידיעות" or "1 أخبار".
 */
class CountWordsTest {
    private final Templates templates = new Templates(Path.of("templates"));

    /** Each counting message with its count set to n, the rest as its caller fills it in. */
    private final Map<String, IntFunction<Map<String, Object>>> messages = new LinkedHashMap<>();

    CountWordsTest() {
        messages.put("addfeed_ok", n -> Map.of("id", "x", "items", n, "kind", "rss", "language", "ar", "interval", "10m"));
        messages.put("import_report", n -> Map.of("added", 3, "total", 4, "lines", List.of(Map.of("added",
                Map.of("id", "x", "title", "X", "kind", "rss", "language", "he", "items", n)))));
        messages.put("digest", n -> Map.of("count", n, "items", List.of()));
        messages.put("digest more", n -> Map.of("count", 30, "items", List.of(), "more", n));
        messages.put("export_caption", n -> Map.of("count", n));
        messages.put("reload_done", n -> Map.of("feeds", n, "errors", List.of()));
        messages.put("search_results", n -> Map.of("query", "x", "total", n, "page", 4, "pages", 7, "results", List.of()));
        messages.put("unsubscribed", n -> Map.of("count", n));
    }

    private String render(String message, String lang, int n) {
        return templates.render(message.split(" ")[0], lang, messages.get(message).apply(n));
    }

    private static Pattern numberBeforeWord(int n) {
        return Pattern.compile("(?<![\\d/])" + n + "\\s+[\\p{InHebrew}\\p{InArabic}]");
    }

    @Test
    void oneIsSingularInBothLanguagesAndTwoIsDualInArabic() {
        for (String message : messages.keySet()) {
            for (String lang : List.of("he", "ar")) {
                assertThat(render(message, lang, 1)).as("%s.%s with 1", message, lang).doesNotContainPattern(numberBeforeWord(1))
                        .containsPattern(lang.equals("he") ? "(אחת|אחד)" : "(واحد|واحدة|آخر\\.)");
            }
            assertThat(render(message, "ar", 2)).as("%s.ar with 2", message).doesNotContainPattern(numberBeforeWord(2));
            assertThat(render(message, "he", 2)).as("%s.he with 2", message).containsPattern(numberBeforeWord(2));
        }
    }

    @Test
    void arabicTakesThePluralOfThreeToTenTheAccusativeOfElevenToNinetyNineAndTheSingularOfAHundred() {
        assertThat(render("digest", "ar", 3)).contains("3 أخبار");
        assertThat(render("digest", "ar", 11)).contains("11 خبرًا");
        assertThat(render("digest", "ar", 100)).contains("100 خبر)");
        assertThat(render("export_caption", "ar", 7)).contains("7 مصادر");
        assertThat(render("export_caption", "ar", 25)).contains("25 مصدرًا");
        assertThat(render("search_results", "ar", 4)).contains("4 نتائج");
        assertThat(render("unsubscribed", "ar", 5)).contains("أُلغيت 5 اشتراكات");
        assertThat(render("digest", "he", 12)).contains("12 ידיעות");
    }

    @Test
    void alsoReportedInOneSourceIsSingularInBothLanguages() {
        for (String lang : List.of("he", "ar")) {
            String one = EditComposer.footer(templates, lang, Map.of("Outlet B", "https://b.example/1"));
            assertThat(one).doesNotContainPattern(numberBeforeWord(1));
        }
        assertThat(EditComposer.footer(templates, "ar", Map.of("B", "https://b.example/1", "C", "https://c.example/1")))
                .doesNotContainPattern(numberBeforeWord(2));
    }
}
