package org.treatywatch.extract;

import java.util.regex.Pattern;
import org.treatywatch.text.Normalizer;

/** What page furniture looks like, by class/id and by the labels outlets put on it. */
final class Boilerplate {
    static final Pattern CLASS_OR_ID = Pattern.compile(
            "(?i)(^|[-_\\s])(related|relat|share|sharing|social|comment|comments|sidebar|side-bar|footer|foot|nav|navbar|menu|"
                    + "breadcrumbs?|tags?|tag-list|keywords|author-box|byline-box|newsletter|subscribe|ticker|breaking|"
                    + "ads?|advert|advertisement|banner|promo|sponsor|recommend|recommended|more-stories|more-news|"
                    + "read-?also|read-?more|see-?also|also-read|popular|trending|most-read|widget|outbrain|taboola|"
                    + "cookie|modal|popup|print|toolbar|pagination|pager|skip|hidden|header|masthead|rss|login|signup)($|[-_\\s\\d])");
    static final Pattern POSITIVE = Pattern.compile(
            "(?i)(article|body|content|entry|main|post|story|text|news-?details?|article-?body|itemprop)");

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
