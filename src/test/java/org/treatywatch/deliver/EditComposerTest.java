package org.treatywatch.deliver;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The "also reported by" line of an edited alert, with the number in its own grammatical form. */
class EditComposerTest {
    final Templates templates = new Templates(Path.of("templates"));

    static Map<String, String> outlets(int n) {
        Map<String, String> out = new LinkedHashMap<>();
        for (int i = 1; i <= n; i++) out.put("Outlet " + i, "https://e.com/" + i);
        return out;
    }

    @Test
    void oneOtherOutletIsSingularAndArabicHasItsDualAndPlurals() {
        assertThat(EditComposer.footer(templates, "he", outlets(1))).startsWith("➕ דווח גם במקור נוסף אחד:").doesNotContain("1 מקורות");
        assertThat(EditComposer.footer(templates, "he", outlets(3))).startsWith("➕ דווח גם ב-3 מקורות נוספים:");
        assertThat(EditComposer.footer(templates, "ar", outlets(1))).startsWith("➕ نقله أيضًا مصدر آخر:");
        assertThat(EditComposer.footer(templates, "ar", outlets(2))).startsWith("➕ نقله أيضًا مصدران آخران:");
        assertThat(EditComposer.footer(templates, "ar", outlets(3))).startsWith("➕ نقلته أيضًا 3 مصادر أخرى:");
        assertThat(EditComposer.footer(templates, "ar", outlets(12))).startsWith("➕ نقله أيضًا 12 مصدرًا آخر:");
        assertThat(EditComposer.footer(templates, "he", outlets(2))).contains("<a href=\"https://e.com/2\">");
    }
}
