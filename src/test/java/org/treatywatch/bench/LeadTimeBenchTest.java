package org.treatywatch.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.treatywatch.cli.Cli;
import picocli.CommandLine;

/**
 * bench leadtime replays two events of the treaty story, each published first by a Russian source,
 * by a Persian agency 8 or more replayed minutes (here: seconds) later and by Arabic and Hebrew outlets
 * 20 or more minutes later, through the real service (Quartz, poller, sender, TelegramBots) and the Bot
 * API simulator. Its lead times are printed, never asserted; what is asserted is what a reader gets: one
 * alert per event, before the Arabic and Hebrew outlets have the news, in the reader's language with the
 * original folded under it and labeled with its language (Russian, or Persian when the Persian agency's
 * report was read first), edited when the later reports come.
 */
class LeadTimeBenchTest {
    private static final Pattern ALERT = Pattern.compile("/articles/([a-z]+)\\.(ru|fa|ar|he)\\.html");
    private static final Pattern HEBREW = Pattern.compile("\\p{IsHebrew}");
    private static final Pattern ARABIC = Pattern.compile("\\p{IsArabic}");
    private static final Map<String, String> HEBREW_LABEL = Map.of("ru", "המקור ברוסית", "fa", "המקור בפרסית");
    private static final Map<String, String> ARABIC_LABEL = Map.of("ru", "النص الأصلي بالروسية", "fa", "النص الأصلي بالفارسية");

    @Test
    void eachChatGetsOneAlertPerEventBeforeTheArabicAndHebrewReportsInItsLanguageWithTheOriginalFoldedAndLabeled() throws Exception {
        assertThat(Cli.commandLine().getSubcommands().get("bench").getSubcommands()).containsKey("leadtime");
        LeadTimeBench bench = new LeadTimeBench();
        StringWriter out = new StringWriter();
        CommandLine cl = new CommandLine(bench);
        cl.setOut(new PrintWriter(out));
        cl.parseArgs("--events", "2", "--chats", "4", "--templates", "templates");
        LeadTimeBench.Outcome outcome = bench.replay();

        Map<String, Integer> alerts = new HashMap<>(); // "chat event" → sendMessages
        Map<String, String> alertText = new HashMap<>();
        for (BotApiSimulator.Sent s : outcome.sent()) {
            Matcher m = ALERT.matcher(s.text());
            assertThat(m.find()).as("a message that links no report: %s", s.text()).isTrue();
            alerts.merge(s.chat() + " " + m.group(1), 1, Integer::sum);
            alertText.put(s.chat() + " " + m.group(1), s.text());
        }
        assertThat(alerts).as(out.toString()).containsOnlyKeys("1 talks", "2 talks", "3 talks", "4 talks",
                "1 signing", "2 signing", "3 signing", "4 signing").allSatisfy((chatEvent, n) -> assertThat(n).isOne());

        assertThat(outcome.events()).hasSize(2).allSatisfy(e -> {
            assertThat(e.event().source()).isEqualTo("ru");
            assertThat(e.alertedFrom()).as("the alert is for a source's report").isIn("ru", "fa");
            // positive: the alert reached Hebrew and Arabic readers before the first Arabic or Hebrew report was up
            assertThat(e.lead()).as(out.toString()).containsOnlyKeys("he", "ar").allSatisfy((reader, lead) -> assertThat(lead).isPositive());
            assertThat(e.chatsEdited()).as("alerts edited with the later reports: %s", out).isEqualTo(4);
        });

        LeadTimeBench.EventLead talks = outcome.events().get(0);
        String from = talks.alertedFrom();
        String original = new LeadTimeline().plan(2, 42).stream().filter(p -> p.article().slug().equals("talks." + from)).findFirst()
                .orElseThrow().article().title();
        String hebrewReader = alertText.get("2 talks"), arabicReader = alertText.get("1 talks");
        String[] he = hebrewReader.split("<blockquote", 2), ar = arabicReader.split("<blockquote", 2);
        assertThat(he).as(hebrewReader).hasSize(2);
        assertThat(he[0]).containsPattern(HEBREW).doesNotContain(original);
        assertThat(he[1]).contains(HEBREW_LABEL.get(from)).contains(original);
        assertThat(ar).as(arabicReader).hasSize(2);
        assertThat(ar[0]).containsPattern(ARABIC).doesNotContain(original);
        assertThat(ar[1]).contains(ARABIC_LABEL.get(from)).contains(original);

        assertThat(out.toString()).contains("leadtime: 2 events").contains("alerts per chat: exactly one per event for 2 of 2 events");
    }
}
