package org.treatywatch.detect;

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
}
