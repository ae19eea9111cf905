package org.treatywatch.extract;

import org.treatywatch.text.Normalizer;

/** The labels outlets put on page furniture: "read also", "related articles", "share", "tags" ... */
final class Boilerplate {
    /** Labels that open a block of other headlines or widgets, in Hebrew, Arabic and English (normalized). */
    private static final String[] LABELS = {
        "כתבות נוספות", "כתבות קשורות", "עוד באתר", "עוד בנושא", "קראו עוד", "קראו גם", "שתפו", "שתף", "תגיות",
        "הכי נקראים", "מומלצים", "עוד כתבות", "לכל הכתבות", "תגובות",
        "اقرا ايضا", "اقرا أيضا", "اقرأ أيضاً", "شاهد ايضا", "شاهد أيضاً", "مقالات مشابهه", "مقالات ذات صله", "اخبار ذات صله",
        "مواضيع ذات صله", "كلمات دلاليه", "الكلمات الدلاليه", "الاكثر قراءه", "الأكثر قراءة", "شارك", "شارك هذا", "تابعونا",
        "اخبار متعلقه", "قد يهمك ايضا", "المزيد من الاخبار", "موضوعات متعلقه", "وسوم",
        "related articles", "read also", "read more", "see also", "more stories", "share this", "tags", "most read",
        "you may also like", "recommended", "related", "advertisement", "trending", "sponsored", "share on facebook",
        "פרסומת", "إعلان", "اعلان"
    };
    private static final String[] NORMALIZED_LABELS = new String[LABELS.length];

    static {
        for (int i = 0; i < LABELS.length; i++) NORMALIZED_LABELS[i] = squash(Normalizer.forMatching(LABELS[i]));
    }

    private Boilerplate() {}

    /** True if this short text is (or starts with) a furniture label such as "اقرأ أيضا:". */
    static boolean isLabel(String text) {
        String t = squash(Normalizer.forMatching(text));
        if (t.isEmpty() || t.length() > 40) return false;
        for (String l : NORMALIZED_LABELS) {
            if (t.equals(l) || (t.startsWith(l) && t.length() - l.length() <= 3)) return true;
        }
        return false;
    }

    /** True if a paragraph begins with a "read also" label followed by another headline. */
    static boolean startsWithLabel(String text) {
        String t = squash(Normalizer.forMatching(text));
        for (String l : NORMALIZED_LABELS) {
            if (l.length() >= 6 && t.startsWith(l) && t.length() < 200) return true;
        }
        return false;
    }

    private static String squash(String s) {
        return s.replaceAll("[\\p{Punct}\\s:،؛…»«\"'|\\-–—]+", " ").strip();
    }
}
