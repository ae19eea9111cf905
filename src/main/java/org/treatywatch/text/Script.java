package org.treatywatch.text;

/** Which writing system a letter belongs to, as far as matching cares. */
public enum Script {
    HEBREW, ARABIC, CYRILLIC, LATIN, OTHER;

    public static Script of(int codePoint) {
        if (codePoint >= 0x05D0 && codePoint <= 0x05F2) return HEBREW;
        if ((codePoint >= 0x0620 && codePoint <= 0x06FF) || (codePoint >= 0x0750 && codePoint <= 0x077F)
                || (codePoint >= 0xFB50 && codePoint <= 0xFDFF) || (codePoint >= 0xFE70 && codePoint <= 0xFEFF)) {
            return ARABIC;
        }
        if (codePoint >= 0x0400 && codePoint <= 0x04FF) return CYRILLIC;
        if (Character.isLetter(codePoint) && Character.UnicodeScript.of(codePoint) == Character.UnicodeScript.LATIN) {
            return LATIN;
        }
        return OTHER;
    }

    public static boolean isRtl(int codePoint) {
        Script s = of(codePoint);
        return s == HEBREW || s == ARABIC;
    }
}
