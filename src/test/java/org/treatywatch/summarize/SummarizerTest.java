package org.treatywatch.summarize;

import org.treatywatch.TestFiles;

import org.treatywatch.read.Dates;
import org.treatywatch.read.Gazetteer;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.treatywatch.config.GazetteerFile;

class SummarizerTest {
    static final String BODY = String.join(" ",
            "وقع الرئيس الروسي فلاديمير بوتين ونظيره الإيراني مسعود بزشكيان اليوم معاهدة الشراكة الاستراتيجية في موسكو.",
            "وقع الرئيس الروسي فلاديمير بوتين ونظيره الإيراني مسعود بزشكيان اليوم معاهدة الشراكة الاستراتيجية في موسكو.",
            "وتمتد المعاهدة لعشرين عاما وتشمل التعاون في مجالات الطاقة والنقل.",
            "وفي سياق آخر، ارتفعت أسعار الذهب في الأسواق العالمية اليوم بشكل ملحوظ.",
            "ومن المنتظر أن يصادق البرلمان الإيراني على المعاهدة خلال الأشهر المقبلة.",
            "وكانت الأمطار قد هطلت بغزارة على العاصمة الروسية طوال الأسبوع الماضي.");

    @Test
    void twoOrThreeSentencesInOrderWithoutRepeatsOrTheHeadline() {
        String title = "وتمتد المعاهدة لعشرين عاما وتشمل التعاون في مجالات الطاقة والنقل.";
        String s = Summarizer.summarize(title, BODY, List.of("ومن المنتظر أن يصادق البرلمان الإيراني على المعاهدة خلال الأشهر المقبلة."));
        assertThat(s.length()).isLessThanOrEqualTo(Summarizer.MAX_CHARS);
        assertThat(s).startsWith("وقع الرئيس الروسي");
        assertThat(s).contains("يصادق البرلمان").doesNotContain("لعشرين عاما").doesNotContain("الأمطار");
        assertThat(s.indexOf("وقع الرئيس")).isEqualTo(s.lastIndexOf("وقع الرئيس"));
    }

    @Test
    void theSummaryCarriesTheArticlesOwnSentencesOnly() {
        // a forum copy of a news page: poster's name, a date stamp, the source link, an image address, a menu
        String body = String.join("\n", "ناشر الخبر", "12-19-2025, 12:30 AM",
                "وصل وزير الخارجية الإيراني إلى موسكو (https://ar.example.ir/news/86028381/%D8%B9) لإجراء محادثات مع نظيره الروسي.",
                "https://img.example.ir/d/r2/2025/12/17/4/172594152.jpg?ts=1765973370382",
                "الرئيسية | أخبار | العالم | اقتصاد",
                "وبحث الجانبان تنفيذ معاهدة الشراكة الاستراتيجية الشاملة بين البلدين.");
        String s = Summarizer.summarize("عراقجي في موسكو", body, List.of());
        assertThat(s).contains("وصل وزير الخارجية الإيراني إلى موسكو", "وبحث الجانبان تنفيذ معاهدة")
                .doesNotContain("http").doesNotContain(".jpg").doesNotContain("12:30").doesNotContain("|").doesNotContain("ناشر");
    }

    @Test
    void theEventCardFindsPeoplePlacesStageAndAnExplicitDate() {
        Gazetteer g = GazetteerFile.load(java.nio.file.Path.of("templates"));
        EventCard card = EventCard.of(TestFiles.shippedReader().read("הדומה הרוסית אשררה את האמנה עם איראן",
                "ב-22 באפריל 2025 אשררה הדומה את ההסכם שעליו חתמו פוטין ופזשכיאן במוסקבה.", Optional.empty()), g, Optional.empty());
        assertThat(card.stage()).hasValueSatisfying(s -> assertThat(s.id()).isEqualTo("ratification"));
        assertThat(card.people()).extracting(Gazetteer.Name::id).containsExactly("putin", "pezeshkian");
        // the Duma is an institution, never a place; Moscow comes with its country
        assertThat(card.places()).extracting(Gazetteer.Name::id).containsExactly("moscow");
        assertThat(card.countries()).extracting(Gazetteer.Name::id).containsExactly("russia");
        assertThat(card.date()).contains(LocalDate.of(2025, 4, 22));
        assertThat(Dates.find("في 17 كانون الثاني 2025 وقع")).contains(LocalDate.of(2025, 1, 17));
        assertThat(Dates.find("on 2025-01-17")).contains(LocalDate.of(2025, 1, 17));
    }

    @Test
    void cuttingNeverSplitsAnEmoji() {
        String title = "🇷🇺".repeat(100);
        String cut = Summarizer.cut(title, 50);
        String kept = cut.substring(0, cut.length() - 1); // without the ellipsis
        assertThat(kept.codePoints().allMatch(cp -> Character.charCount(cp) == 2 || cp == ' ')).as("no lone surrogate").isTrue();
    }
}
