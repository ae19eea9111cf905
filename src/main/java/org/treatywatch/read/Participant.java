package org.treatywatch.read;

/**
 * Someone taking part in an event: a person, a body or a country, with the side it stands for
 * ({@code russia}, {@code iran}, or {@code third} for anyone else). {@code name} is the gazetteer's
 * English name, or the text's own word for a third party the gazetteer does not know; {@code entry}
 * is the gazetteer's entry when it knows the name.
 */
public record Participant(String name, String side, Gazetteer.Kind kind, java.util.Optional<Gazetteer.Name> entry) {
    public static final String RUSSIA = "russia";
    public static final String IRAN = "iran";
    public static final String THIRD = "third";

    public boolean ours() {
        return RUSSIA.equals(side) || IRAN.equals(side);
    }
}
