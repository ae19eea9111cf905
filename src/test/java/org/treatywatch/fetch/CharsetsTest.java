package org.treatywatch.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class CharsetsTest {
    static final String ARABIC = "<html><body><p>وقع الرئيسان الروسي والإيراني معاهدة الشراكة الاستراتيجية الشاملة في موسكو اليوم.</p></body></html>";
    static final String HEBREW = "<html><body><p>נשיאי רוסיה ואיראן חתמו היום במוסקבה על הסכם השותפות האסטרטגית המקיפה.</p></body></html>";

    @Test
    void undeclaredSingleByteArabicAndHebrewAreRecognised() {
        assertThat(Charsets.decode(ARABIC.getBytes(Charset.forName("windows-1256")), null)).isEqualTo(ARABIC);
        assertThat(Charsets.decode(HEBREW.getBytes(Charset.forName("windows-1255")), null)).isEqualTo(HEBREW);
        assertThat(Charsets.decode(ARABIC.getBytes(Charset.forName("ISO-8859-6")), null)).isEqualTo(ARABIC);
        assertThat(Charsets.decode(HEBREW.getBytes(Charset.forName("ISO-8859-8")), null)).isEqualTo(HEBREW);
    }

    @Test
    void declaredCharsetsAreHonouredAndWrongOnesOverruled() {
        byte[] cp1256 = ARABIC.getBytes(Charset.forName("windows-1256"));
        assertThat(Charsets.decode(cp1256, "text/html; charset=windows-1256")).isEqualTo(ARABIC);
        String meta = "<meta charset=\"windows-1255\">" + HEBREW;
        assertThat(Charsets.decode(meta.getBytes(Charset.forName("windows-1255")), "text/html")).isEqualTo(meta);
        String prolog = "<?xml version=\"1.0\" encoding=\"windows-1256\"?><rss><title>روسيا</title></rss>";
        assertThat(Charsets.decode(prolog.getBytes(Charset.forName("windows-1256")), "application/xml")).isEqualTo(prolog);
        // Says UTF-8 but is windows-1256; says ISO-8859-1 but is UTF-8.
        assertThat(Charsets.decode(cp1256, "text/html; charset=utf-8")).isEqualTo(ARABIC);
        assertThat(Charsets.decode(HEBREW.getBytes(StandardCharsets.UTF_8), "text/html; charset=iso-8859-1")).isEqualTo(HEBREW);
    }

    @Test
    void byteOrderMarksWin() {
        byte[] bom = ("\uFEFF" + HEBREW).getBytes(StandardCharsets.UTF_8);
        assertThat(Charsets.decode(bom, "text/html; charset=windows-1252")).isEqualTo(HEBREW);
    }
}
