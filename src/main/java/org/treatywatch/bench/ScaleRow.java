package org.treatywatch.bench;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;

/**
 * What one step of {@code bench scale} measured, printed as a row of its table; a child JVM hands it
 * to the parent as one tab-separated line.
 */
record ScaleRow(int feeds, int subscriptions, long polls, double cpuMsPerPoll, long residentMib, long peakResidentMib,
                long heapAfterGcMib, double matchP50Ms, double matchP99Ms, double alertP50s, double alertP99s,
                int itemsAlertedExactly, int items) {
    /** The goals at the largest step. */
    static final double GOAL_CPU_MS = 3, GOAL_MATCH_P99_MS = 1;
    static final long GOAL_RESIDENT_MIB = 256;

    String toLine() {
        return String.join("\t", List.of(String.valueOf(feeds), String.valueOf(subscriptions), String.valueOf(polls), String.valueOf(cpuMsPerPoll),
                String.valueOf(residentMib), String.valueOf(peakResidentMib), String.valueOf(heapAfterGcMib), String.valueOf(matchP50Ms),
                String.valueOf(matchP99Ms), String.valueOf(alertP50s), String.valueOf(alertP99s), String.valueOf(itemsAlertedExactly),
                String.valueOf(items)));
    }

    static ScaleRow parse(String line) {
        String[] f = line.strip().split("\t");
        if (f.length != 13) throw new IllegalArgumentException("not a scale row: " + line);
        return new ScaleRow(Integer.parseInt(f[0]), Integer.parseInt(f[1]), Long.parseLong(f[2]), Double.parseDouble(f[3]),
                Long.parseLong(f[4]), Long.parseLong(f[5]), Long.parseLong(f[6]), Double.parseDouble(f[7]), Double.parseDouble(f[8]),
                Double.parseDouble(f[9]), Double.parseDouble(f[10]), Integer.parseInt(f[11]), Integer.parseInt(f[12]));
    }

    static void printTable(PrintWriter out, List<ScaleRow> rows) {
        out.println("| feeds | subscriptions | polls | CPU per poll | resident (peak) | heap after GC | matching p50 / p99 | alert p50 / p99 | alerted once per matched chat |");
        out.println("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        for (ScaleRow r : rows) {
            out.println(String.format(Locale.ROOT, "| %,d | %,d | %,d | %.2f ms | %d MiB (%d MiB) | %d MiB | %.3f / %.3f ms | %.1f / %.1f s | %d of %d items |",
                    r.feeds, r.subscriptions, r.polls, r.cpuMsPerPoll, r.residentMib, r.peakResidentMib, r.heapAfterGcMib, r.matchP50Ms,
                    r.matchP99Ms, r.alertP50s, r.alertP99s, r.itemsAlertedExactly, r.items));
        }
    }

    /** The goals, checked at the largest step measured. */
    static void printGoals(PrintWriter out, List<ScaleRow> rows) {
        double worstCpu = rows.stream().mapToDouble(ScaleRow::cpuMsPerPoll).max().orElse(Double.NaN);
        ScaleRow largest = rows.get(rows.size() - 1);
        out.println(String.format(Locale.ROOT, "goals: CPU per 304 poll ≤ %.0f ms at every step: %s (at most %.2f ms); at %,d feeds and %,d subscriptions "
                        + "resident ≤ %d MiB: %s (%d MiB, peak %d MiB); matching p99 ≤ %.0f ms: %s (%.3f ms)",
                GOAL_CPU_MS, verdict(worstCpu <= GOAL_CPU_MS), worstCpu, largest.feeds, largest.subscriptions, GOAL_RESIDENT_MIB,
                verdict(largest.peakResidentMib <= GOAL_RESIDENT_MIB), largest.residentMib, largest.peakResidentMib, GOAL_MATCH_P99_MS,
                verdict(largest.matchP99Ms <= GOAL_MATCH_P99_MS), largest.matchP99Ms));
    }

    private static String verdict(boolean met) {
        return met ? "met" : "MISSED";
    }
}
