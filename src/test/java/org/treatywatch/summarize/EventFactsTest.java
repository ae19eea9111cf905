package org.treatywatch.summarize;

import org.treatywatch.read.Gazetteer;
import org.treatywatch.read.Reader;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.treatywatch.TestFiles;

/**
 * The event facts an alert states, on fixtures in both languages (summarize/events.tsv): the stage
 * with its tense (an upcoming signing is never a signing), places with their country and not
 * institutions or capitals standing for governments, and dates resolved against publication.
 */
class EventFactsTest {
    record Fixture(String lang, LocalDate published, String stage, boolean upcoming, List<String> places,
                   Optional<LocalDate> date, String text) {}

    static List<Fixture> fixtures() {
        List<Fixture> out = new ArrayList<>();
        for (String line : TestFiles.resource("summarize/events.tsv").split("\n")) {
            if (line.isBlank() || line.startsWith("#")) continue;
            String[] f = line.split("\t", -1);
            List<String> places = f[4].equals("-") ? List.of() : Arrays.asList(f[4].split(";"));
            Optional<LocalDate> date = f[5].equals("-") ? Optional.empty() : Optional.of(LocalDate.parse(f[5]));
            out.add(new Fixture(f[0], LocalDate.parse(f[1]), f[2], f[3].equals("1"), places, date, f[6]));
        }
        return out;
    }

    @Test
    void stageTensePlacesAndDatesAreRightOnEveryFixture() {
        Gazetteer g = TestFiles.shippedGazetteer();
        Reader reader = TestFiles.shippedReader();
        List<Fixture> all = fixtures();
        assertThat(all).hasSizeGreaterThanOrEqualTo(40);
        assertThat(all).filteredOn(f -> f.lang().equals("he")).hasSizeGreaterThanOrEqualTo(20);
        assertThat(all).filteredOn(f -> f.lang().equals("ar")).hasSizeGreaterThanOrEqualTo(20);
        List<String> wrong = new ArrayList<>();
        for (Fixture f : all) {
            String[] parts = f.text().split(" — ", 2);
            String lead = parts.length > 1 ? parts[1] : "";
            EventCard card = EventCard.of(reader.read(parts[0], lead, Optional.of(f.published())), g, Optional.of(f.published()));
            List<String> places = new ArrayList<>();
            card.places().forEach(p -> places.add(p.in("en")));
            card.countries().forEach(c -> places.add(c.in("en")));
            String got = card.stage().map(Gazetteer.Stage::id).orElse("-") + (card.upcoming() ? " (upcoming)" : "")
                    + " " + places + " " + card.date().map(Object::toString).orElse("-");
            String want = f.stage() + (f.upcoming() ? " (upcoming)" : "") + " " + f.places() + " " + f.date().map(Object::toString).orElse("-");
            if (!got.equals(want)) wrong.add(f.lang() + " " + f.text() + "\n    want " + want + "\n    got  " + got);
        }
        assertThat(wrong).as("event facts that differ from the fixture").isEmpty();
    }

    @Test
    void aPagesFurnitureBeforeItsHeadlineDoesNotHideTheEvent() {
        Gazetteer g = TestFiles.shippedGazetteer();
        Reader reader = TestFiles.shippedReader();
        LocalDate published = LocalDate.of(2025, 5, 21);
        List<String> wrong = new ArrayList<>();
        int rows = 0;
        for (String line : TestFiles.resource("summarize/furniture.tsv").split("\n")) {
            if (line.isBlank() || line.startsWith("#")) continue;
            String[] f = line.split("\t", -1);
            String[] lines = f[3].split("\\\\n", 2);
            EventCard card = EventCard.of(reader.read(lines[0], lines[1].replace("\\n", "\n"), Optional.of(published)), g, Optional.of(published));
            String got = card.stage().map(Gazetteer.Stage::id).orElse("-") + (card.upcoming() ? " upcoming" : " done");
            if (!got.equals(f[1] + " " + f[2])) wrong.add(f[0] + ": want " + f[1] + " " + f[2] + ", got " + got);
            rows++;
        }
        assertThat(rows).isGreaterThanOrEqualTo(4);
        assertThat(wrong).as("items whose headline sits below a page's furniture").isEmpty();
    }

    @Test
    void anUpcomingSigningIsNeverASigningInEitherLanguage() {
        Gazetteer g = TestFiles.shippedGazetteer();
        Reader reader = TestFiles.shippedReader();
        for (String title : List.of("פזשכיאן צפוי לחתום על האמנה במוסקבה", "ההסכם ייחתם בקרוב", "לפני החתימה על ההסכם: פוטין ופזשכיאן ייפגשו",
                "من المتوقع أن يوقع الرئيسان المعاهدة", "بزشكيان سيوقع المعاهدة في موسكو", "قبيل توقيع المعاهدة: بزشكيان في موسكو",
                "Pezeshkian is expected to sign the treaty in Moscow")) {
            EventCard card = EventCard.of(reader.read(title, "", Optional.of(LocalDate.of(2025, 1, 14))), g, Optional.of(LocalDate.of(2025, 1, 14)));
            assertThat(card.stage()).as(title).hasValueSatisfying(s -> assertThat(s.id()).isEqualTo("signing"));
            assertThat(card.upcoming()).as(title).isTrue();
            assertThat(card.date()).as("an event still to come has no date unless one is written: " + title).isEmpty();
        }
    }
}
