package org.treatywatch.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DurationsTest {
    @Test
    void parsesTheShortForms() {
        assertThat(Durations.parse("30s")).isEqualTo(Duration.ofSeconds(30));
        assertThat(Durations.parse("10m")).isEqualTo(Duration.ofMinutes(10));
        assertThat(Durations.parse("1h30m")).isEqualTo(Duration.ofMinutes(90));
        assertThat(Durations.format(Duration.ofMinutes(90))).isEqualTo("90m");
        assertThat(Durations.format(Duration.ofHours(2))).isEqualTo("2h");
    }

    @Test
    void explainsWhatIsWrong() {
        assertThatThrownBy(() -> Durations.parse("10")).hasMessage("\"10\" needs a unit, e.g. 10m");
        assertThatThrownBy(() -> Durations.parse("ten minutes")).hasMessageContaining("write e.g. 30s, 10m");
        assertThatThrownBy(() -> Durations.parseInterval("3s")).hasMessage("\"3s\" is outside 5s .. 24h");
    }

    @Test
    void aHugeNumberIsAClearErrorNotAnOverflow() {
        for (String huge : new String[] {"9999999999999999d", "99999999999999999999s", "36501d", "9999999999999999h9999999999999999h"}) {
            assertThatThrownBy(() -> Durations.parse(huge)).as(huge).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("is too long").hasMessageContaining("36500d");
            assertThatThrownBy(() -> Durations.parseInterval(huge)).as(huge).isInstanceOf(IllegalArgumentException.class);
        }
        assertThat(Durations.parse("36500d")).isEqualTo(Duration.ofDays(36_500));
        assertThatThrownBy(() -> Durations.parseInterval("9999999999999999d")).hasMessageContaining("is too long");
    }
}
