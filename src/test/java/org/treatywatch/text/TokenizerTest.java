package org.treatywatch.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TokenizerTest {
    @Test
    void splitsOnPunctuationButKeepsHebrewAcronyms() {
        assertThat(Tokenizer.normalizedTokens("ארה\"ב, סבא״א ועראקצ'י: \"הסכם\"")).containsExactly("ארה\"ב", "סבא\"א", "ועראקצ'י", "הסכם");
        assertThat(Tokenizer.normalizedTokens("روسيا،وإيران؛ (الاتفاق)")).containsExactly("روسيا", "وايران", "الاتفاق");
    }

    @Test
    void cliticReadingsReachTheStem() {
        assertThat(Clitics.readings("וברוסיה")).contains("ברוסיה", "רוסיה");
        assertThat(Clitics.readings("לאיראן")).contains("איראן");
        assertThat(Clitics.readings("والمعاهده")).contains("المعاهده", "معاهده");
        assertThat(Clitics.readings("بروسيا")).contains("روسيا");
        assertThat(Clitics.readings("للاتفاقيه")).contains("اتفاقيه");
        assertThat(Clitics.readings("כשהסכם")).contains("הסכם");
        assertThat(Clitics.readings("לא")).containsExactly("לא");
    }
}
