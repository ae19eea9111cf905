package org.treatywatch.bot;

/** The treaty's story so far, rendered for a chat. */
@FunctionalInterface
public interface TimelineSource {
    String render(String lang);
}
