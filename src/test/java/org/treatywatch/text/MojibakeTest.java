package org.treatywatch.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class MojibakeTest {
    /** As a browser or a careless script misreads UTF-8: bytes the charset leaves undefined become C1 controls. */
    static String misread(String s, String charset) {
        Charset cs = Charset.forName(charset);
        StringBuilder out = new StringBuilder();
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            String c = new String(new byte[] {b}, cs);
            out.append(c.equals("\uFFFD") ? (char) (b & 0xFF) : c.charAt(0));
        }
        return out.toString();
    }

    @Test
    void repairsUtf8ReadAsWindows1256InsideGoodText() {
        assertThat(Mojibake.repair("الرئيس بيزشكغŒان في موسكو")).isEqualTo("الرئيس بيزشكیان في موسكو");
        assertThat(Mojibake.repair("قال " + misread("المعاهدة", "windows-1256") + " اليوم")).isEqualTo("قال المعاهدة اليوم");
    }

    @Test
    void repairsUtf8ReadAsWindows1252() {
        assertThat(Mojibake.repair(misread("روسيا وإيران", "windows-1252"))).isEqualTo("روسيا وإيران");
        assertThat(Mojibake.repair(misread("רוסיה ואיראן", "windows-1252"))).isEqualTo("רוסיה ואיראן");
    }

    @Test
    void leavesRealTextAlone() {
        for (String s : new String[] {"كتب، وقال: «نعم»؛ هل؟", "ع، ط، ظ، غ، ف", "café – naïve “quoted”", "שלום, עולם", "Ø is a letter"}) {
            assertThat(Mojibake.repair(s)).isEqualTo(s);
        }
    }
}
