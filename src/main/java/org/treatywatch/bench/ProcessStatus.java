package org.treatywatch.bench;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;

/** What the benchmarks read about their own process: CPU time, and memory from /proc/self/status (Linux). */
final class ProcessStatus {
    /** Resident memory now. */
    static final String RESIDENT = "VmRSS";
    /** Resident memory's high-water mark, since the start or the last {@link #resetPeakResident()}. */
    static final String PEAK_RESIDENT = "VmHWM";

    private ProcessStatus() {}

    /** CPU time of every thread of the process so far, in nanoseconds. */
    static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /** A memory line of /proc/self/status in MiB, e.g. {@link #RESIDENT}; empty where there is none (not Linux). */
    static OptionalLong mib(String field) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith(field + ":")) return OptionalLong.of(Long.parseLong(line.replaceAll("\\D", "")) >> 10);
            }
        } catch (Exception ignored) {
            // not Linux
        }
        return OptionalLong.empty();
    }

    /** The same as text: "153 MiB", or "n/a". */
    static String describe(String field) {
        OptionalLong m = mib(field);
        return m.isPresent() ? m.getAsLong() + " MiB" : "n/a";
    }

    /** Linux: writing 5 to clear_refs resets the {@link #PEAK_RESIDENT} high-water mark. */
    static void resetPeakResident() {
        try {
            Files.writeString(Path.of("/proc/self/clear_refs"), "5");
        } catch (Exception ignored) {
            // not Linux, or not allowed: the peak is then the process's whole life
        }
    }
}
