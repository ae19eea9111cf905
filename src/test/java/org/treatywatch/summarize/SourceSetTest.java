package org.treatywatch.summarize;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The Russian and Persian sources on labeled sets written apart from their lexicons (sets/ru.tsv,
 * sets/fa.tsv: over a hundred items each in the agencies' phrasing, the treaty's events and their
 * look-alikes — other pairs' treaties, third parties' talks about Iran, strikes, the IAEA, drones in
 * Ukraine). Alerts from the sources must be as trustworthy as from Hebrew and Arabic outlets: relevance
 * precision and recall at least 0.95, and no event told as done that the item does not report done
 * beyond one in twenty.
 */
class SourceSetTest {
    @ParameterizedTest
    @ValueSource(strings = {"ru", "fa"})
    void theSourcesAreJudgedAndToldRight(String lang) {
        List<ReadingSetTest.Row> rows = ReadingSetTest.rowsOf("sets/" + lang + ".tsv");
        assertThat(rows).hasSizeGreaterThanOrEqualTo(100);
        ReadingSetTest.Measured m = ReadingSetTest.measure(lang, rows);
        assertThat(m.precision()).as("relevance precision on the %s set", lang).isGreaterThanOrEqualTo(0.95);
        assertThat(m.recall()).as("relevance recall on the %s set", lang).isGreaterThanOrEqualTo(0.95);
        assertThat(m.falseDone()).as("alerts telling as done what the item does not report done (%s)", lang)
                .isLessThanOrEqualTo((int) Math.floor(m.alerts() * ReadingSetTest.MAX_FALSE_DONE));
    }
}
