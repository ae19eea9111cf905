package org.treatywatch.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Which language an item is in, from its letters: the sources' Russian and Persian beside Hebrew and Arabic. */
class LanguageTest {
    @Test
    void persianIsToldFromArabicByItsOwnLettersNotByAStrayOne() {
        assertThat(Language.guess("دیدار پزشکیان و پوتین در حاشیه نشست بریکس در کازان برگزار شد")).isEqualTo(Language.FA);
        // an Arabic page with a name copied in Persian letters (إیران) stays Arabic
        assertThat(Language.guess("التقى الرئيس الروسي نظيره الإیراني في موسكو وبحثا التعاون الثنائي بين البلدين")).isEqualTo(Language.AR);
        // Persian typed with Arabic ي and ك (a common keyboard) is still told by گ, پ and the like
        assertThat(Language.guess("پوتين و پزشكيان پيمان همكاري راهبردي را امضا كردند و گفتگو كردند")).isEqualTo(Language.FA);
    }

    @Test
    void russianHebrewAndMixedScripts() {
        assertThat(Language.guess("Путин и Пезешкиан подписали договор о стратегическом партнерстве (TASS)")).isEqualTo(Language.RU);
        assertThat(Language.guess("פוטין ופזשכיאן חתמו על ההסכם, דיווחה סוכנות TASS")).isEqualTo(Language.HE);
        assertThat(Language.guess("2025-01-17 12:00")).isEqualTo(Language.OTHER);
    }

    @Test
    void anItemIsReadInTheLanguageItsLettersShowAndInItsFeedsOnlyWhenTheyShowNone() {
        assertThat(Language.settle(Language.FA, Language.AR)).isEqualTo(Language.AR);
        assertThat(Language.settle(Language.RU, Language.OTHER)).isEqualTo(Language.RU);
        assertThat(Language.settle(Language.FA, Language.FA)).isEqualTo(Language.FA);
    }
}
