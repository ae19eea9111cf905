package org.treatywatch.bot;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class HtmlPartsTest {
    private static final Pattern TAG = Pattern.compile("<(/?)([a-z-]+)[^>]*>");

    @Test
    void aShortReplyIsOneMessageAsItIs() {
        assertThat(HtmlParts.split("<b>שלום</b>\nעולם")).containsExactly("<b>שלום</b>\nעולם");
    }

    @Test
    void aLongListIsCutBetweenLinesAndLosesNothing() {
        StringBuilder html = new StringBuilder("<b>מקורות (300)</b>\n");
        for (int i = 0; i < 300; i++) html.append("🟢 <code>feed-").append(i).append("</code> · ar · כל 10m · ידיעה אחרונה 2025-01-17 10:00\n");
        List<String> parts = HtmlParts.split(html.toString());
        assertThat(parts).hasSizeGreaterThan(3).allSatisfy(p -> assertThat(p.length()).isLessThanOrEqualTo(HtmlParts.MAX_CHARS));
        for (String p : parts) {
            assertThat(p).doesNotStartWith("\n").doesNotEndWith("\n");
            assertThat(p.split("\n")).allSatisfy(line -> assertThat(line).matches("(<b>.*</b>|🟢 <code>feed-\\d+</code> .*)"));
        }
        assertThat(String.join("\n", parts)).isEqualTo(html.toString().strip());
    }

    @Test
    void aLineLongerThanAMessageIsCutBetweenWordsWithItsTagsClosedAndOpenedAgain() {
        String title = "מילה ".repeat(3000).strip() + " &amp; סוף";
        String html = "📅 2025-01-17\n<a href=\"https://example.com/a?x=1&amp;y=2\"><b>" + title + "</b></a>\nאחרי";
        List<String> parts = HtmlParts.split(html, 1000);
        assertThat(parts).hasSizeGreaterThan(10);
        for (String p : parts) {
            assertThat(p.length()).isLessThanOrEqualTo(1000);
            assertBalanced(p);
            assertThat(p.replaceAll("<[^>]*>", "")).doesNotContainPattern("&[a-z]*$").doesNotContainPattern("מיל$|^ילה");
        }
        assertThat(parts.get(1)).startsWith("<a href=\"https://example.com/a?x=1&amp;y=2\"><b>מילה");
        String text = String.join(" ", parts.stream().map(p -> p.replaceAll("<[^>]*>", "")).toList()).replaceAll("\\s+", " ");
        assertThat(text).isEqualTo(html.replaceAll("<[^>]*>", "").replaceAll("\\s+", " "));
    }

    @Test
    void aSingleEndlessWordIsCutAtCharactersOnlyBecauseItMustBe() {
        String word = "😀".repeat(5000);
        List<String> parts = HtmlParts.split("<i>" + word + "</i>");
        assertThat(parts).hasSizeGreaterThan(2).allSatisfy(p -> {
            assertThat(p.length()).isLessThanOrEqualTo(HtmlParts.MAX_CHARS);
            assertBalanced(p);
            assertThat(Character.isHighSurrogate(p.charAt(p.length() - "</i>".length() - 1))).isFalse();
        });
        assertThat(String.join("", parts.stream().map(p -> p.replaceAll("<[^>]*>", "")).toList())).isEqualTo(word);
    }

    private static void assertBalanced(String part) {
        java.util.Deque<String> open = new java.util.ArrayDeque<>();
        Matcher m = TAG.matcher(part);
        while (m.find()) {
            if (m.group(1).isEmpty()) open.push(m.group(2));
            else assertThat(open.pop()).as(part).isEqualTo(m.group(2));
        }
        assertThat(open).as(part).isEmpty();
    }
}
