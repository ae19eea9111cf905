package org.treatywatch.read;

import java.util.List;

/**
 * One sentence read once: its normalized tokens, the topic's words found in it ({@code hits}), the
 * same without the sides that are only its topic or setting ({@code parties}: "Putin and Netanyahu
 * discussed Iran" names Iran as a topic, not a party), and the events it reports.
 */
public record SentenceReading(String text, Frame.Part part, List<String> tokens, List<Hit> hits, List<Hit> parties,
                              List<Frame> frames) {}
