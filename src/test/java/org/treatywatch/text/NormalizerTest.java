package org.treatywatch.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NormalizerTest {
    @Test
    void arabicFoldsDiacriticsAlefsTaMarbutaAndPersianLetters() {
        assertThat(Normalizer.forMatching("مُعَاهَدَةُ")).isEqualTo("معاهده");
        assertThat(Normalizer.forMatching("أإآٱا")).isEqualTo("ااااا");
        assertThat(Normalizer.forMatching("إیران")).isEqualTo(Normalizer.forMatching("ايران"));
        assertThat(Normalizer.forMatching("مصطفى")).isEqualTo("مصطفي");
        assertThat(Normalizer.forMatching("پزشکیان")).isEqualTo(Normalizer.forMatching("بزشكيان"));
        assertThat(Normalizer.forMatching("روســـيا")).isEqualTo("روسيا");
        assertThat(Normalizer.forMatching("٢٠٢٥ و۱۴۰۳")).isEqualTo("2025 و1403");
    }

    @Test
    void hebrewDropsNiqqudAndUnifiesGereshAndMaqaf() {
        assertThat(Normalizer.forMatching("פּוּטִין")).isEqualTo("פוטין");
        assertThat(Normalizer.forMatching("עראקצ׳י")).isEqualTo("עראקצ'י");
        assertThat(Normalizer.forMatching("ארה״ב")).isEqualTo("ארה\"ב");
        assertThat(Normalizer.forMatching("רוסיה־איראן")).isEqualTo("רוסיה איראן");
    }

    @Test
    void invisibleCharactersAndPresentationFormsGo() {
        assertThat(Normalizer.forMatching("رو\u200Cسيا\u200F")).isEqualTo("روسيا");
        assertThat(Normalizer.forMatching("\uFEFBBRICS")).isEqualTo("لاbrics"); // ﻻ ligature → لا
    }
}
