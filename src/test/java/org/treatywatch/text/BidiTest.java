package org.treatywatch.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BidiTest {
    @Test
    void latinRunsInRightToLeftTextAreIsolated() {
        assertThat(Bidi.isolateLtrRuns("פסגת BRICS בקאזאן")).isEqualTo("פסגת \u2068BRICS\u2069 בקאזאן");
        assertThat(Bidi.isolateLtrRuns("الرابط https://example.com/a?b=1 هنا")).isEqualTo("الرابط \u2068https://example.com/a?b=1\u2069 هنا");
        assertThat(Bidi.isolateLtrRuns("Plain English stays")).isEqualTo("Plain English stays");
    }

    @Test
    void languageIsGuessedFromLetters() {
        assertThat(Language.guess("רוסיה ואיראן חתמו על הסכם BRICS")).isEqualTo("he");
        assertThat(Language.guess("روسيا وإيران توقعان معاهدة")).isEqualTo("ar");
        assertThat(Language.guess("Russia and Iran sign a treaty")).isEqualTo("en");
    }
}
