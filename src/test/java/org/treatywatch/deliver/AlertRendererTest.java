package org.treatywatch.deliver;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.treatywatch.TestFiles;
import org.treatywatch.service.Topic;
import org.treatywatch.config.FeedsFile;
import org.treatywatch.config.GazetteerFile;
import org.treatywatch.extract.ArticleExtractor;
import org.treatywatch.fetch.Charsets;
import org.treatywatch.pipeline.Analysis;
import org.treatywatch.pipeline.ArticleAnalyzer;
import org.treatywatch.summarize.Alert;
import org.treatywatch.summarize.EventCard;

/** Alerts in both languages from Hebrew and Arabic articles, as Telegram HTML. */
class AlertRendererTest {
    static final Path TEMPLATES = Path.of("templates");
    final ArticleAnalyzer analyzer = new ArticleAnalyzer(TestFiles.shippedDetector(),
            GazetteerFile.load(TEMPLATES));
    final AlertRenderer renderer = new AlertRenderer(new Templates(TEMPLATES));

    Analysis analyse(String fixture, String outlet, String url) throws Exception {
        byte[] bytes = AlertRendererTest.class.getResourceAsStream("/fixtures/" + fixture).readAllBytes();
        return analyzer.analyse(ArticleExtractor.extract(Charsets.decode(bytes, null), url), outlet, url);
    }

    @Test
    void theHeadlineNamesTheRatifyingBodyAndWritesInTheKremlinAsHebrewDoes() {
        org.treatywatch.extract.Article duma = ArticleExtractor.fromText("مجلس الدوما يصادق على المعاهدة مع إيران\nصوت 400 نائب لصالح الوثيقة.", null);
        Alert a = analyzer.analyse(duma, "x", "https://e.com/1").alert();
        assertThat(renderer.render(a, "he")).startsWith("🔔 <b>אשרור ההסכם בדומה").contains("🏛 הדומה");
        assertThat(renderer.render(a, "ar")).startsWith("🔔 <b>مصادقة مجلس الدوما على الاتفاق").contains("🏛 مجلس الدوما");
        org.treatywatch.extract.Article kremlin = ArticleExtractor.fromText("بوتين يستقبل لاريجاني في الكرملين\nبحث الجانبان العلاقات الثنائية.", null);
        assertThat(renderer.render(analyzer.analyse(kremlin, "x", "https://e.com/2").alert(), "he"))
                .startsWith("🔔 <b>פוטין ולריג'אני נפגשו בקרמלין (רוסיה)");
    }

    @Test
    void aMeetingBeforeTheSigningIsToldAsAMeetingWithTheSigningStillToCome() {
        // "met in Ashgabat; a signing is expected later" once became "expected to sign in Ashgabat",
        // and "met before the two sign" became "signed an agreement"
        for (String text : List.of(
                "פוטין ופזשכיאן נפגשו באשגבט — החתימה על האמנה צפויה בהמשך, במוסקבה.",
                "بوتين وبزشكيان يلتقيان في عشق آباد قبل توقيع المعاهدة — ومن المقرر أن يجري التوقيع لاحقا في موسكو.")) {
            Alert a = analyzer.analyse(ArticleExtractor.fromText(text.replace(" — ", "\n"), null), "x", "https://e.com/m").alert();
            String he = renderer.render(a, "he"), ar = renderer.render(a, "ar");
            assertThat(he).as(text).startsWith("🔔 <b>פוטין ופזשכיאן נפגשו").contains("; החתימה צפויה")
                    .doesNotContain("חתמו").doesNotContain("נחתם").doesNotContain("צפויים לחתום");
            assertThat(ar).as(text).startsWith("🔔 <b>التقى").contains("والتوقيع مرتقب").doesNotContain("وقّع");
        }
    }


    @Test
    void anArrivalIsAVisitNotAMeetingAndTheSigningItIsForIsStillToCome() {
        // "arrived in Moscow, where he will sign" once became "signing expected" or "met in Moscow"
        for (String text : List.of(
                "פזשכיאן נחת במוסקבה, שם יחתום עם פוטין על האמנה — נשיא איראן הגיע בראש משלחת רחבה.",
                "الرئيس الإيراني بزشكيان يصل إلى موسكو لتوقيع معاهدة الشراكة — ويرافقه وفد وزاري كبير.")) {
            Alert a = analyzer.analyse(ArticleExtractor.fromText(text.replace(" — ", "\n"), null), "x", "https://e.com/v").alert();
            String he = renderer.render(a, "he"), ar = renderer.render(a, "ar");
            assertThat(he).as(text).startsWith("🔔 <b>ביקור: פזשכיאן במוסקבה").contains("; החתימה צפויה")
                    .doesNotContain("נפגשו").doesNotContain("חתמו");
            assertThat(ar).as(text).startsWith("🔔 <b>زيارة: بزشكيان في موسكو").contains("والتوقيع مرتقب")
                    .doesNotContain("التقى").doesNotContain("وقّع");
        }
        // a sum that "reaches" a figure is no arrival anywhere
        Alert trade = analyzer.analyse(ArticleExtractor.fromText(
                "التبادل التجاري بين روسيا وإيران يصل إلى خمسة مليارات دولار\nبحسب أرقام الجمارك.", null), "x", "https://e.com/t").alert();
        assertThat(renderer.render(trade, "ar")).doesNotContain("زيارة").doesNotContain("التقى");
    }
    @Test
    void anUpcomingDeliveryIsNeverToldAsDone() {
        Alert a = analyzer.analyse(ArticleExtractor.fromText(
                "רוסיה תספק לאיראן מטוסי סוחוי 35 בשנה הבאה\nכך אמר שגריר איראן במוסקבה.", null), "x", "https://e.com/d").alert();
        assertThat(renderer.render(a, "he")).startsWith("🔔 <b>יישום צפוי של ההסכם").doesNotContain("<b>יישום ההסכם");
        assertThat(renderer.render(a, "ar")).startsWith("🔔 <b>تنفيذ مرتقب للاتفاق");
    }

    @Test
    void hostileLinksNeverReachAnAlertButTheAlertStillGoesOut() {
        for (String link : java.util.List.of("javascript:alert(1)", "tg://resolve?domain=phish", "data:text/html,x", "file:///etc/passwd")) {
            Alert alert = new Alert("روسيا وإيران توقعان المعاهدة", "ملخص", "", link, "outlet", "ar", Optional.empty(), EventCard.empty());
            String he = renderer.render(alert, "he");
            assertThat(he).as(link).doesNotContain("href").doesNotContain(link.substring(0, 5)).contains("outlet");
        }
        Alert ok = new Alert("t", "s", "", "https://example.org/a", "outlet", "ar", Optional.empty(), EventCard.empty());
        assertThat(renderer.render(ok, "ar")).contains("<a href=\"https://example.org/a\">");
    }

    @Test
    void anUpcomingSigningReadsAsUpcomingAndThePlaceComesWithItsCountry() {
        org.treatywatch.extract.Article article = ArticleExtractor.fromText(
                "بزشكيان يتوجه إلى عشق آباد لتوقيع المعاهدة مع روسيا\nقال الكرملين إن الرئيس الروسي سيلتقي نظيره الإيراني يوم الجمعة.", null);
        Analysis a = analyzer.analyse(article, "RT Arabic", "https://arabic.rt.com/x");
        assertThat(a.relevance().relevant()).isTrue();
        String he = renderer.render(a.alert(), "he");
        assertThat(he).contains("📌 חתימה (צפוי)", "עשק אבאד (טורקמניסטן)");
        assertThat(renderer.render(a.alert(), "ar")).contains("📌 توقيع (مرتقب)", "عشق آباد (تركمانستان)");
    }

    @Test
    void anArabicSigningArticleReadsInHebrewWithHebrewNamesPlaceAndStage() throws Exception {
        Analysis a = analyse("ar-treaty-signed.html", "BBC عربي", "https://www.bbc.com/arabic/articles/x1");
        String he = renderer.render(a.alert(), "he");
        assertThat(he).contains("פוטין (נשיא רוסיה)", "פזשכיאן (נשיא איראן)", "מוסקבה", "📌 חתימה", "17.01.2025")
                .contains("<blockquote expandable><i>המקור בערבית:</i>")
                .contains("<a href=\"https://www.bbc.com/arabic/articles/x1\">\u2068BBC\u2069 عربي</a>");
        String ar = renderer.render(a.alert(), "ar");
        assertThat(ar).contains("بوتين (الرئيس الروسي)", "بزشكيان (الرئيس الإيراني)", "موسكو", "📌 توقيع")
                .doesNotContain("النص الأصلي").doesNotContain("blockquote");
        assertOnlyTelegramTags(he);
        assertOnlyTelegramTags(ar);
        assertThat(he).startsWith("🔔 <b>פוטין ופזשכיאן חתמו על הסכם במוסקבה (רוסיה)");
        assertMostlyInTheReadersScript(he, "he");
    }

    /** Outside the folded original, the reader's letters outnumber the other language's. */
    static void assertMostlyInTheReadersScript(String html, String lang) {
        String outside = html.replaceAll("(?s)<blockquote expandable>.*?</blockquote>", "").replaceAll("<[^>]+>", "");
        long hebrew = outside.codePoints().filter(c -> c >= 0x05D0 && c <= 0x05EA).count();
        long arabic = outside.codePoints().filter(c -> c >= 0x0620 && c <= 0x06FF).count();
        if (lang.equals("he")) assertThat(hebrew).as(outside).isGreaterThan(arabic);
        else assertThat(arabic).as(outside).isGreaterThan(hebrew);
    }

    @Test
    void aHebrewKazanArticleReadsInArabicWithArabicNames() throws Exception {
        Analysis a = analyse("he-kazan-1255.html", "ynet", "https://www.ynet.co.il/news/article/k1");
        assertThat(a.relevance().relevant()).isTrue();
        String ar = renderer.render(a.alert(), "ar");
        assertThat(ar).contains("بوتين", "بزشكيان", "قازان (روسيا)", "📌 محادثات ولقاءات", "<blockquote expandable><i>النص الأصلي بالعبرية:</i>");
        assertMostlyInTheReadersScript(ar, "ar");
        String he = renderer.render(a.alert(), "he");
        assertThat(he).contains("פוטין", "פזשכיאן", "קאזאן", "📌 שיחות ופגישות").contains("\u2068BRICS\u2069");
    }

    @Test
    void hostileTitlesAreEscaped() {
        Alert hostile = new Alert("<script>alert(1)</script> &amp; <b>unclosed", "روسيا <i>وإيران</i> & الصين.",
                "لأن <a href=x>", "https://e.com/a?x=1&y=\"2\"", "Outlet <x>", "ar", Optional.empty(), EventCard.empty());
        for (String lang : List.of("he", "ar")) {
            String html = renderer.render(hostile, lang);
            assertThat(html).doesNotContain("<script>", "<b>unclosed", "<i>وإيران</i>", "<a href=x>", "<x>")
                    .contains("&lt;script&gt;", "&amp;amp;", "&lt;b&gt;unclosed", "href=\"https://e.com/a?x=1&amp;y=&quot;2&quot;\"");
            assertOnlyTelegramTags(html);
        }
    }

    @Test
    void aMessageOverTheLimitLosesWholeSentences() {
        String sentence = "وقال المتحدث إن المعاهدة تشمل التعاون في مجالات كثيرة ومتعددة بين البلدين. ";
        Alert big = new Alert("عنوان", sentence.repeat(80).strip(), "", "https://e.com", "x", "ar", Optional.empty(), EventCard.empty());
        String html = renderer.render(big, "ar");
        assertThat(AlertRenderer.visibleLength(html)).isLessThanOrEqualTo(AlertRenderer.TELEGRAM_LIMIT);
        String summaryLine = html.lines().filter(l -> l.startsWith("وقال")).findFirst().orElseThrow();
        assertThat(summaryLine).endsWith("البلدين.");
    }

    @Test
    void aBrokenTemplateIsReportedWithItsLineAndTheBuiltInOneIsUsed(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("alert.he.mustache"), "🔔 {{title}}\nline two\n{{#stage}} open but never closed\n",
                StandardCharsets.UTF_8);
        Templates templates = new Templates(dir);
        assertThat(templates.check()).singleElement().asString().startsWith("templates/alert.he.mustache:");
        Alert a = new Alert("כותרת", "תקציר.", "", "https://e.com", "x", "he", Optional.empty(), EventCard.empty());
        assertThat(new AlertRenderer(templates).render(a, "he")).startsWith("🔔 <b>כותרת</b>");
    }

    private static final Pattern TAG = Pattern.compile("<(/?)([a-zA-Z0-9]+)[^>]*>");

    static void assertOnlyTelegramTags(String html) {
        Matcher m = TAG.matcher(html);
        while (m.find()) assertThat(List.of("b", "i", "a", "code", "u", "s", "pre", "blockquote")).contains(m.group(2));
    }
}
