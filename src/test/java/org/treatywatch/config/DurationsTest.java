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
}
