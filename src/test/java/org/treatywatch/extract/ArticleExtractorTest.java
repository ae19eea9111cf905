package org.treatywatch.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.treatywatch.TestFiles;
import org.treatywatch.fetch.Charsets;

/** Hebrew and Arabic pages as outlets publish them: the extracted text is exactly the article. */
class ArticleExtractorTest {
    static byte[] bytes(String name) throws IOException {
        try (InputStream in = ArticleExtractorTest.class.getResourceAsStream("/fixtures/" + name)) {
            return in.readAllBytes();
        }
    }

    static List<String> expected(String name) {
        return List.of(TestFiles.resource("fixtures/" + name).strip().split("\n"));
    }

    @Test
    void hebrewWindows1255PageWithoutCharsetLosesMenusSharingRelatedAndComments() throws IOException {
        String html = Charsets.decode(bytes("he-kazan-1255.html"), "text/html");
        Article a = ArticleExtractor.extract(html, "https://news.example.co.il/a/1");
        assertThat(a.title()).isEqualTo("פוטין ופזשכיאן נפגשו בקאזאן ודנו בהסכם האסטרטגי");
        assertThat(a.paragraphs()).containsExactlyElementsOf(expected("he-kazan-1255.expected.txt"));
        assertThat(a.language()).isEqualTo("he");
    }

    @Test
    void arabicWindows1256PageLosesReadAlsoSeeAlsoSimilarArticlesAndKeywords() throws IOException {
        String html = Charsets.decode(bytes("ar-duma-1256.html"), null);
        Article a = ArticleExtractor.extract(html, "https://news.example.com/a/2");
        assertThat(a.title()).isEqualTo("الدوما يصادق على المعاهدة مع إيران");
        assertThat(a.paragraphs()).containsExactlyElementsOf(expected("ar-duma-1256.expected.txt"));
        assertThat(a.language()).isEqualTo("ar");
    }

    @Test
    void aBodyPrintedTwiceIsKeptOnceAndMojibakeIsRepaired() throws IOException {
        String html = new String(bytes("ar-forum-repeated.html"), StandardCharsets.UTF_8);
        Article a = ArticleExtractor.extract(html, "https://forum.example.com/t/3");
        assertThat(a.paragraphs()).containsExactlyElementsOf(expected("ar-forum-repeated.expected.txt"));
    }

    @Test
    void structuredDataGivesTitleDateAndBodyWhenComplete() {
        String body = "الفقرة الأولى من نص المقال الكامل كما نشره الموقع، وفيها تفاصيل كافية لتكون نصا حقيقيا. ".repeat(4);
        String html = """
                <html><head><title>x | site</title>
                <meta property="og:image" content="https://img.example.com/1.jpg">
                <link rel="canonical" href="https://example.com/a/9">
                <script type="application/ld+json">
                {"@context":"https://schema.org","@type":"NewsArticle","headline":"العنوان من البيانات",
                 "datePublished":"2025-01-17T10:00:00+03:00","articleBody":"%s"}
                </script></head><body><div><p>نص قصير في الصفحة</p></div></body></html>
                """.formatted(body);
        Article a = ArticleExtractor.extract(html, "https://example.com/a/9?utm_source=x");
        assertThat(a.title()).isEqualTo("العنوان من البيانات");
        assertThat(a.published()).hasValueSatisfying(t -> assertThat(t.toString()).isEqualTo("2025-01-17T07:00:00Z"));
        assertThat(a.canonicalUrl()).isEqualTo("https://example.com/a/9");
        assertThat(a.image()).contains("https://img.example.com/1.jpg");
        assertThat(a.text()).isEqualTo(body.strip());
    }

    @Test
    void plainTextTakesTheFirstLineAsTitle() {
        Article a = ArticleExtractor.fromText("כותרת\nפסקה ראשונה.\n\nפסקה שנייה.", null);
        assertThat(a.title()).isEqualTo("כותרת");
        assertThat(a.paragraphs()).containsExactly("פסקה ראשונה.", "פסקה שנייה.");
    }

    @Test
    void pageDatesWithCompactOffsetsSpacesOrNoTimeAreRead() {
        assertThat(ArticleExtractor.parseDate("2024-10-11T14:30:00+0300")).hasValueSatisfying(d -> assertThat(d.toString()).isEqualTo("2024-10-11T11:30:00Z"));
        assertThat(ArticleExtractor.parseDate("2024-10-11T14:30:00+03:00")).hasValueSatisfying(d -> assertThat(d.toString()).isEqualTo("2024-10-11T11:30:00Z"));
        assertThat(ArticleExtractor.parseDate("2024-10-11 14:30:00+03:00")).hasValueSatisfying(d -> assertThat(d.toString()).isEqualTo("2024-10-11T11:30:00Z"));
        assertThat(ArticleExtractor.parseDate("2024-10-11")).hasValueSatisfying(d -> assertThat(d.toString()).isEqualTo("2024-10-11T00:00:00Z"));
        assertThat(ArticleExtractor.parseDate("2025-01-17T10:00:00Z")).hasValueSatisfying(d -> assertThat(d.toString()).isEqualTo("2025-01-17T10:00:00Z"));
        assertThat(ArticleExtractor.parseDate("yesterday")).isEmpty();
    }

    @Test
    void aPageOfMoreElementsThanAnArticleHasIsReadFromItsBeginning() {
        StringBuilder page = new StringBuilder("<html><head><title>t</title><meta property=\"og:title\" content=\"الدوما يصادق على المعاهدة\">"
                + "</head><body><article>");
        for (int i = 0; i < 3 * ArticleExtractor.MAX_ELEMENTS; i++) page.append("<p>فقرة رقم ").append(i).append(" من نص طويل</p>");
        Article a = ArticleExtractor.extract(page.append("</article></body></html>").toString(), "https://e.org/a");
        assertThat(a.title()).isEqualTo("الدوما يصادق على المعاهدة");
        assertThat(a.paragraphs()).first().asString().contains("فقرة رقم 0 ");
        assertThat(a.paragraphs().size()).isBetween(ArticleExtractor.MAX_ELEMENTS / 2, ArticleExtractor.MAX_ELEMENTS);
        assertThat(String.join(" ", a.paragraphs())).doesNotContain("رقم " + (2 * ArticleExtractor.MAX_ELEMENTS));
    }

    @Test
    void aPageNestedDeeperThanAnyArticleKeepsItsText() {
        int depth = 20 * ArticleExtractor.MAX_DEPTH;
        String page = "<html><body>" + "<div>".repeat(depth) + "<p>وقّع بوتين وبزشكيان معاهدة الشراكة الاستراتيجية في موسكو اليوم.</p>"
                + "</div>".repeat(depth) + "</body></html>";
        assertThat(String.join(" ", ArticleExtractor.extract(page, "https://e.org/a").paragraphs())).contains("وقّع بوتين وبزشكيان");
    }
}
