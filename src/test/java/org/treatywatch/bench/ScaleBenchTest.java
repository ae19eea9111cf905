package org.treatywatch.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.treatywatch.cli.Cli;
import picocli.CommandLine;

/**
 * bench scale runs each step in a fresh JVM against the real service and prints one row per step:
 * what it reports is what happened (polls made, CPU spent, memory held, every item alerted once to
 * exactly the chats it matches). Its figures are checked for sense, never against a time.
 */
class ScaleBenchTest {
    @Test
    void aStepRunsInAFreshJvmAndPrintsItsRowWithEveryItemAlertedOncePerMatchedChat() {
        StringWriter out = new StringWriter();
        CommandLine cl = Cli.commandLine();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(out));
        int code = cl.execute("bench", "scale", "--feeds", "20", "--subs", "100", "--rounds", "1", "--interval", "5s",
                "--items", "2", "--chats", "2", "--templates", "templates");
        String text = out.toString();
        assertThat(code).as(text).isZero();
        List<ScaleRow> rows = text.lines().filter(l -> l.matches("\\| \\d+ \\| \\d+ \\|.*")).map(ScaleBenchTest::row).toList();
        assertThat(rows).as(text).extracting(ScaleRow::feeds, ScaleRow::subscriptions).containsExactly(tuple(20, 100));
        for (ScaleRow r : rows) {
            assertThat(r.polls()).as(text).isPositive();
            assertThat(r.cpuMsPerPoll()).as(text).isPositive();
            assertThat(r.residentMib()).as(text).isPositive().isLessThanOrEqualTo(r.peakResidentMib());
            assertThat(r.heapAfterGcMib()).as(text).isPositive().isLessThan(r.residentMib());
            assertThat(r.matchP99Ms()).as(text).isGreaterThanOrEqualTo(r.matchP50Ms());
            assertThat(r.alertP50s()).as(text).isPositive().isLessThanOrEqualTo(r.alertP99s());
            assertThat(r.itemsAlertedExactly()).as(text).isEqualTo(2);
        }
        // each step's lines come from its own JVM, passed on indented
        assertThat(text).contains("20 feeds, 100 subscriptions: 100 subscriptions stored").contains("  20 feeds, 100 subscriptions: every feed's first poll done")
                .containsPattern("goals: CPU per 304 poll ≤ 3 ms at every step: (met|MISSED)");
    }

    /** A row of the printed table, read back. */
    private static ScaleRow row(String line) {
        String[] cells = line.replaceAll("[|,]|ms|MiB|s\\b|items|of|\\(|\\)|/", " ").strip().split("\\s+");
        return new ScaleRow(Integer.parseInt(cells[0]), Integer.parseInt(cells[1]), Long.parseLong(cells[2]), Double.parseDouble(cells[3]),
                Long.parseLong(cells[4]), Long.parseLong(cells[5]), Long.parseLong(cells[6]), Double.parseDouble(cells[7]),
                Double.parseDouble(cells[8]), Double.parseDouble(cells[9]), Double.parseDouble(cells[10]), Integer.parseInt(cells[11]),
                Integer.parseInt(cells[12]));
    }
}
