package org.treatywatch.detect;

import org.treatywatch.read.Hit;
import org.treatywatch.read.Concept;
import org.treatywatch.read.Lexicon;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.treatywatch.text.Tokenizer;

class TopicDetectorTest {
    static final Lexicon LEXICON = new Lexicon(Map.of(
            Concept.RUSSIA, List.of("רוסיה", "روسيا", "פוטין", "روسي"),
            Concept.IRAN, List.of("איראן", "ايران", "ايراني"),
            Concept.TREATY, List.of("הסכם", "معاهده", "ברית"),
            Concept.TREATY_STRONG, List.of("שותפות אסטרטגית", "شراكه استراتيجيه"),
            Concept.THIRD_PARTY, List.of("סין", "روسيا البيضاء", "كوريا الشماليه")));
    final TopicDetector detector = new TopicDetector(LEXICON, 0.6);

    @Test
    void cliticsAndPhrasesMatchButStrippingNeedsTheLexicon() {
        assertThat(LEXICON.find(Tokenizer.normalizedTokens("וברוסיה ולאיראן")))
                .extracting(Hit::concept).containsExactly(Concept.RUSSIA, Concept.IRAN);
        assertThat(LEXICON.find(Tokenizer.normalizedTokens("والشراكة الاستراتيجية")))
                .extracting(Hit::concept).containsExactly(Concept.TREATY_STRONG);
        assertThat(LEXICON.find(Tokenizer.normalizedTokens("בברית"))).extracting(Hit::form).containsExactly("ברית");
        Lexicon both = new Lexicon(Map.of(Concept.TREATY, List.of("ברית"), Concept.THIRD_PARTY, List.of("רית")));
        assertThat(both.find(Tokenizer.normalizedTokens("ברית"))).extracting(Hit::concept).containsExactly(Concept.TREATY);
        assertThat(both.find(Tokenizer.normalizedTokens("והברית"))).extracting(Hit::concept).containsExactly(Concept.TREATY);
    }

    @Test
    void aLongerThirdPartyNameHidesTheCountryInsideIt() {
        assertThat(LEXICON.find(Tokenizer.normalizedTokens("روسيا البيضاء"))).extracting(Hit::concept)
                .containsExactly(Concept.THIRD_PARTY);
    }

    @Test
    void bothSidesAndATreatyInOneSentenceIsRelevantWithEvidence() {
        Relevance r = detector.detect("כותרת", "מזג האוויר נאה. רוסיה ואיראן חתמו על הסכם שותפות אסטרטגית. עוד פרטים בהמשך.");
        assertThat(r.relevant()).isTrue();
        assertThat(r.score()).isEqualTo(1.0);
        assertThat(r.evidence()).first().isEqualTo("רוסיה ואיראן חתמו על הסכם שותפות אסטרטגית.");
        assertThat(r.concepts()).contains(Concept.RUSSIA, Concept.IRAN, Concept.TREATY, Concept.TREATY_STRONG);
    }

    @Test
    void neighbouringSentencesCountButDistantOnesDoNot() {
        assertThat(detector.detect("", "פוטין נאם היום. הוא דיבר על הסכם עם איראן.").relevant()).isTrue();
        assertThat(detector.detect("", "פוטין נאם היום. מזג האוויר נאה. חדשות הספורט. מחר ידונו בהסכם. איראן שותקת.").relevant())
                .isFalse();
    }

    @Test
    void aThirdPartysTreatyIsNotOurs() {
        Relevance r = detector.detect("רוסיה וסין חתמו על הסכם שותפות אסטרטגית", "איראן לא הגיבה.");
        assertThat(r.relevant()).isFalse();
    }

    @Test
    void nothingToSayGivesAnEmptyVerdict() {
        Relevance r = detector.detect("", "");
        assertThat(r.relevant()).isFalse();
        assertThat(r.evidence()).isEmpty();
    }

    /** The shipped lexicon and gazetteer: classes of news, each checked in both languages. */
    final TopicDetector shipped = org.treatywatch.TestFiles.shippedDetector();

    boolean alerts(String headline) {
        return shipped.detect(headline, "").relevant();
    }

    @Test
    void officialsAloneNameBothSidesAndAMeetingIsEvidence() {
        assertThat(alerts("לברוב אירח את עראקצ'י — השניים דנו ביחסים")).isTrue();
        assertThat(alerts("بوتين يستقبل لاريجاني — بحث الجانبان التعاون الأمني")).isTrue();
        // other transliterations of the same names
        assertThat(alerts("לאריג'ני נפגש עם בלאוסוב במוסקבה")).isTrue();
        assertThat(alerts("بيزشكيان يلتقي بيلاوسوف")).isTrue();
        // how outlets hostile to one side name it
        assertThat(alerts("פוטין אירח שליח של משטר האייתוללות — השניים דנו בשיתוף הפעולה")).isTrue();
        assertThat(alerts("بوتين يستقبل مبعوثاً من نظام الملالي — بحث الجانبان التعاون")).isTrue();
        // the Duma and Rosatom stand for Russia, the Majlis and Bushehr for Iran
        assertThat(alerts("الدوما تصادق على المعاهدة مع طهران")).isTrue();
        assertThat(alerts("רוסאטום תבנה כורים חדשים בבושהר — ההסכם נחתם")).isTrue();
    }

    @Test
    void aMeetingWithAThirdLeaderOrAListOfCountriesIsNotThePair() {
        assertThat(alerts("פוטין נפגש עם שי ג'ינפינג — הם דנו גם באיראן")).isFalse();
        assertThat(alerts("روسيا والصين وإيران توقع رسالة مشتركة")).isFalse();
        assertThat(alerts("שי ג'ינפינג אירח את פוטין, מודי ופזשכיאן — המנהיגים חתמו על הצהרה")).isFalse();
    }

    @Test
    void aPastedParagraphIsJudgedSentenceBySentence() {
        // one line of several sentences: the first is the headline, the others its lead
        assertThat(alerts("وقعت روسيا والهند اتفاقية نفطية لعشر سنوات. وقال مسؤولون إنها تشبه ترتيبات موسكو مع طهران بموجب معاهدة الشراكة.")).isFalse();
        assertThat(alerts("התקיימה פגישה במוסקבה. עראקצ'י ולברוב דנו ביישום האמנה.")).isTrue();
    }

    @Test
    void aTitleEventOfTheTwoAloneIsTheirStoryAndAThirdPartysTalksAboutOneSideAreNot() {
        // the pair's own meeting, whatever setting the sentence also names
        assertThat(alerts("لافروف يلتقي عراقجي بعد أسبوعين من الاتفاق النووي مع القوى الكبرى — وبحثا العلاقات")).isTrue();
        assertThat(alerts("وفد عسكري إيراني يصل إلى موسكو لبحث التعاون بين القوات البرية")).isTrue();
        // a third party and Russia discussing Iran's talks with others: theirs
        assertThat(alerts("بوتين ورئيس وزراء الهند يبحثان في الكرملين المفاوضات بين إيران والولايات المتحدة")).isFalse();
        // Iran's drones for Russia's war, even built on Russian soil together
        assertThat(alerts("איראן ורוסיה מקימות מפעל לייצור מל\"טים ברוסיה")).isFalse();
        assertThat(alerts("مصنع مشترك لمسيرات إيرانية في روسيا")).isFalse();
    }

    @Test
    void anotherPairsHeadlineStaysSilentEvenIfTheLeadNamesRussia() {
        assertThat(alerts("הודו ואיראן חתמו על הסכם צ'בהאר — הנמל יחבר את הודו לרוסיה")).isFalse();
        assertThat(alerts("الهند وإيران توقعان اتفاق تشابهار — الميناء حلقة في الممر إلى روسيا")).isFalse();
    }

    @Test
    void warsAndTheUkraineWarAreOtherStories() {
        assertThat(alerts("لافروف: الضربات الأميركية على إيران سابقة خطيرة")).isFalse();
        assertThat(alerts("פוטין על התקיפה הישראלית באיראן: מוכנים לתווך")).isFalse();
        assertThat(alerts("كييف: روسيا أطلقت مسيرات شاهد 136 إيرانية")).isFalse();
        assertThat(alerts("איראן שלחה לרוסיה טילים בליסטיים לשימוש באוקראינה")).isFalse();
        // but warships and attack helicopters delivered between the two are arms transfers
        assertThat(alerts("איראן קיבלה מרוסיה מסוקי תקיפה")).isTrue();
    }

    @Test
    void multilateralSettingsAreNotThePairsStory() {
        assertThat(alerts("מועצת הביטחון של האו\"ם דחתה את הצעת רוסיה על איראן")).isFalse();
        assertThat(alerts("أوليانوف: قرار مجلس المحافظين ضد إيران خطأ")).isFalse();
    }
}
