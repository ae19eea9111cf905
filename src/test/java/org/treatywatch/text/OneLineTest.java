package org.treatywatch.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OneLineTest {
    @Test
    void lineBreaksControlsAndRunsOfSpacesBecomeOneLine() {
        assertThat(OneLine.of("BBC\n---\nعربي\u0000\u0007\t  news\u2028x\u202E")).isEqualTo("BBC --- عربي news x");
        assertThat(OneLine.of("  \u00A0 ")).isEmpty();
        assertThat(OneLine.of(null)).isNull();
    }

    @Test
    void longTextIsCutAtAWordWithAnEllipsis() {
        assertThat(OneLine.of("one two three four five", 12)).isEqualTo("one two…");
        assertThat(OneLine.clip("x".repeat(20), 10)).isEqualTo("x".repeat(9) + "…");
        assertThat(OneLine.clip("😀".repeat(10), 6)).isEqualTo("😀😀…");
        assertThat(OneLine.clip("short", 10)).isEqualTo("short");
    }
}
