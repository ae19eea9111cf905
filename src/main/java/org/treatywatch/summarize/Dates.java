package org.treatywatch.summarize;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.treatywatch.text.Normalizer;

/** Explicit dates written in Hebrew, Arabic or English news text ("17 בינואר 2025", "17 يناير 2025", "2025-01-17"). */
final class Dates {
    private static final Map<String, Integer> MONTHS = new HashMap<>();

    static {
        String[][] names = {
            {"ינואר", "يناير", "كانون الثاني", "january", "jan"}, {"פברואר", "فبراير", "شباط", "february", "feb"},
            {"מרץ", "מרס", "مارس", "اذار", "march", "mar"}, {"אפריל", "ابريل", "نيسان", "april", "apr"},
            {"מאי", "مايو", "ايار", "may"}, {"יוני", "يونيو", "حزيران", "june", "jun"},
            {"יולי", "يوليو", "تموز", "july", "jul"}, {"אוגוסט", "اغسطس", "اب", "august", "aug"},
            {"ספטמבר", "سبتمبر", "ايلول", "september", "sep"}, {"אוקטובר", "اكتوبر", "تشرين الاول", "october", "oct"},
            {"נובמבר", "نوفمبر", "تشرين الثاني", "november", "nov"}, {"דצמבר", "ديسمبر", "كانون الاول", "december", "dec"}};
        for (int m = 0; m < names.length; m++) for (String n : names[m]) MONTHS.put(Normalizer.forMatching(n), m + 1);
    }

    // Day, optional Hebrew ב/ל prefix on the month, month name (one or two words), year.
    private static final Pattern DAY_MONTH_YEAR = Pattern.compile("\\b(\\d{1,2})\\s+[בל]?(\\p{L}+(?:\\s\\p{L}+)?)\\s*[,،]?\\s+(\\d{4})\\b");
    private static final Pattern ISO = Pattern.compile("\\b(\\d{4})-(\\d{2})-(\\d{2})\\b");

    private Dates() {}

    static Optional<LocalDate> find(String text) {
        String t = Normalizer.forMatching(text);
        Matcher iso = ISO.matcher(t);
        if (iso.find()) return date(iso.group(1), iso.group(2), iso.group(3));
        Matcher m = DAY_MONTH_YEAR.matcher(t);
        while (m.find()) {
            String monthWords = m.group(2);
            Integer month = MONTHS.get(monthWords);
            if (month == null) month = MONTHS.get(monthWords.split("\\s")[0]);
            if (month != null) {
                Optional<LocalDate> d = date(m.group(3), String.valueOf(month), m.group(1));
                if (d.isPresent()) return d;
            }
        }
        return Optional.empty();
    }

    private static Optional<LocalDate> date(String y, String m, String d) {
        try {
            LocalDate date = LocalDate.of(Integer.parseInt(y), Integer.parseInt(m), Integer.parseInt(d));
            return date.getYear() >= 2000 && date.getYear() <= 2100 ? Optional.of(date) : Optional.empty();
        } catch (DateTimeException | NumberFormatException e) {
            return Optional.empty();
        }
    }
}
