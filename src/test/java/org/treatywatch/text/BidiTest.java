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
    void hiddenControlsOfEveryKindAreStrippedAndJoinersKept() {
        String hidden = "\u206A\u206B\u206C\u206D\u206E\u206F\u180E\u00AD\u0001\u0008\u001B\u007F\u0080\u009F\u2061\uFFF9"
                + "\uDB40\uDC01\uDB40\uDC7F\u202E\u2066\u200B\uFEFF";
        assertThat(Bidi.stripControls("پوتین" + hidden + "و" + "\u200Cپزشکیان")).isEqualTo("پوتینو\u200Cپزشکیان");
        assertThat(Bidi.stripControls("a\u2028b\u2029c\u0085d")).isEqualTo("a b c d");
        assertThat(Bidi.stripControls("line\none\ttab\r")).isEqualTo("line\none\ttab\r");
        assertThat(Bidi.stripControls("👨\u200D👩")).isEqualTo("👨\u200D👩");
        String plain = "ordinary text";
        assertThat(Bidi.stripControls(plain)).isSameAs(plain);
    }

    @Test
    void languageIsGuessedFromLetters() {
        assertThat(Language.guess("רוסיה ואיראן חתמו על הסכם BRICS")).isEqualTo("he");
        assertThat(Language.guess("روسيا وإيران توقعان معاهدة")).isEqualTo("ar");
        assertThat(Language.guess("Russia and Iran sign a treaty")).isEqualTo("en");
    }
}
