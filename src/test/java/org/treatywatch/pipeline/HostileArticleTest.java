package org.treatywatch.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.treatywatch.TestFiles;
import org.treatywatch.extract.ArticleExtractor;
import org.treatywatch.summarize.Summarizer;
import org.treatywatch.text.Sentences;

/**
 * Pages that used to hold a poll worker for minutes or run out of memory (2,000 sentences; 4.5 MB
 * without a full stop; 4.5 MB of paragraphs) are analysed with bounded work. The timeout is a hang
 * guard, not a speed goal: before the budgets these took over a minute each.
 */
class HostileArticleTest {
    static final String[] WORDS = {"روسيا", "إيران", "معاهدة", "الشراكة", "بوتين", "بزشكيان", "الصين", "روسيا البيضاء", "وقع",
        "التقى", "موسكو", "طهران", "الدوما", "اتفاق", "ضربات", "عبر", "أذربيجان"};

    final ArticleAnalyzer analyzer = new ArticleAnalyzer(TestFiles.shippedDetector(), TestFiles.shippedGazetteer());

    static String words(Random r, int n) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) sb.append(WORDS[r.nextInt(WORDS.length)]).append(' ');
        return sb.toString();
    }

    static String page(String body) {
        return "<html><head><title>روسيا وإيران</title></head><body><article>" + body + "</article></body></html>";
    }

    void analysesWithinBudget(String html) {
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            Analysis a = analyzer.analyse(ArticleExtractor.extract(html, "https://example.org/x"), "test", "https://example.org/x");
            assertThat(a.alert().summary().length()).isLessThanOrEqualTo(Summarizer.MAX_CHARS + 1);
            assertThat(a.relevance().evidence()).allMatch(e -> e.length() <= Sentences.MAX_SENTENCE_CHARS);
        });
    }

    @Test
    void twoThousandSentences() {
        Random r = new Random(1);
        StringBuilder body = new StringBuilder("<p>");
        for (int i = 0; i < 2000; i++) body.append(words(r, 12)).append(". ");
        analysesWithinBudget(page(body.append("</p>").toString()));
    }

    @Test
    void fourAndAHalfMegabytesWithoutAFullStop() {
        analysesWithinBudget(page("<p>" + words(new Random(2), 420_000) + "</p>"));
    }

    @Test
    void fourAndAHalfMegabytesOfParagraphs() {
        Random r = new Random(3);
        StringBuilder body = new StringBuilder();
        while (body.length() < 2_300_000) body.append("<p>").append(words(r, 30)).append(".</p>");
        analysesWithinBudget(page(body.toString()));
    }
}
