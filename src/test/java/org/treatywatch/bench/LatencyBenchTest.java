package org.treatywatch.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import org.treatywatch.cli.Cli;
import picocli.CommandLine;

/**
 * bench latency runs the real service against its feeds and the Bot API simulator: every item
 * published reaches every subscribed chat once, and the report says so. Its times are printed,
 * never asserted.
 */
class LatencyBenchTest {
    @Test
    void everyItemPublishedReachesEveryChatExactlyOnceAndItsLatencyIsReported() {
        StringWriter out = new StringWriter();
        CommandLine cl = Cli.commandLine();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(out));
        int code = cl.execute("bench", "latency", "--feeds", "4", "--chats", "2", "--items", "4", "--interval", "5s", "--over", "5s",
                "--templates", "templates");
        assertThat(code).as(out.toString()).isZero();
        assertThat(out.toString()).contains("latency: 4 feeds every 5s, 2 chats, 4 items over 5s (seed 42)")
                .containsPattern("publication → first chat's sendMessage \\(4 of 4 items\\): p50 [\\d.]+ s, p95 [\\d.]+ s, p99 [\\d.]+ s, max [\\d.]+ s")
                .contains("publication → every chat's sendMessage (8 messages)")
                .contains("alerts per chat: 2 of 2 chats got exactly one alert per item; items alerted per chat 4–4 of 4; duplicates 0; "
                        + "messages naming no item 0");
        assertThat(out.toString().lines().filter(l -> l.matches("\\s+\\d+\\s+\\d+\\s+(he|ar)\\s+[\\d.]+ s\\s+[\\d.]+ s\\s+2"))).hasSize(4);
    }
}
