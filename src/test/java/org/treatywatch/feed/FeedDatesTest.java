package org.treatywatch.feed;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FeedDatesTest {
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "Fri, 17 Jan 2025 12:00:00 GMT      | 2025-01-17T12:00:00Z",
            "Fri, 17 Jan 2025 14:00:00 +0200    | 2025-01-17T12:00:00Z",
            "17 Jan 2025 12:00:00 GMT           | 2025-01-17T12:00:00Z",
            "Fri,  7 Feb 25 09:05 EST           | 2025-02-07T14:05:00Z",
            "fri, 17 jan 2025 15:00:00 +03:00   | 2025-01-17T12:00:00Z",
            "Fri, 17 Jan 2025 12:00:00          | 2025-01-17T12:00:00Z",
            "Fri, 17 Jan 2025 15:30:00 IRST     | 2025-01-17T12:00:00Z",
            "2025-01-17T12:00:00Z               | 2025-01-17T12:00:00Z",
            "2025-01-17T14:00:00+02:00          | 2025-01-17T12:00:00Z",
            "2025-01-17T12:00:00.250Z           | 2025-01-17T12:00:00.250Z",
            "2025-01-17 12:00:00                | 2025-01-17T12:00:00Z",
            "2025-01-17                         | 2025-01-17T00:00:00Z",
    })
    void rfc822AndIsoDatesAsFeedsWriteThem(String raw, String expected) {
        assertThat(FeedDates.parse(raw)).hasValueSatisfying(i -> assertThat(i.toString()).isEqualTo(expected));
    }

    @ParameterizedTest(name = "not a date, case {index}")
    @org.junit.jupiter.params.provider.ValueSource(strings = {"not a date", "   ", "Fri, 99 Foo 2025 99:99:99 GMT"})
    void whatIsNotADateIsNoDate(String raw) {
        assertThat(FeedDates.parse(raw)).isEmpty();
    }
}
