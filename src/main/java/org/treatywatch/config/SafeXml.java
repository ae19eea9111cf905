package org.treatywatch.config;

import javax.xml.stream.XMLInputFactory;

/** StAX for XML from outside (feeds, OPML files): no DTDs, so no entity definitions and no external fetches. */
public final class SafeXml {
    private SafeXml() {}

    public static XMLInputFactory inputFactory(boolean coalescing) {
        XMLInputFactory f = XMLInputFactory.newFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_COALESCING, coalescing);
        f.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        return f;
    }
}
