package org.treatywatch.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SentencesTest {
    @Test
    void hebrewAbbreviationsDoNotEndSentences() {
        assertThat(Sentences.split("נשיא ארה\"ב דיבר עם פוטין. הוא אמר \"לא\". מה הלאה?"))
                .containsExactly("נשיא ארה\"ב דיבר עם פוטין.", "הוא אמר \"לא\".", "מה הלאה?");
    }

    @Test
    void arabicQuestionMarksAndLinesEndSentences() {
        assertThat(Sentences.split("هل وقعت روسيا؟ نعم، وقعت اليوم. وقال بوتين: «هذا يوم تاريخي».\nفقرة جديدة"))
                .containsExactly("هل وقعت روسيا؟", "نعم، وقعت اليوم.", "وقال بوتين: «هذا يوم تاريخي».", "فقرة جديدة");
    }
}
