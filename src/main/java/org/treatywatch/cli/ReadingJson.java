package org.treatywatch.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.treatywatch.read.Frame;
import org.treatywatch.read.Gazetteer;
import org.treatywatch.read.Participant;
import org.treatywatch.read.Reading;
import org.treatywatch.summarize.EventCard;

/**
 * {@code inspect --json}'s view of the reading: each event frame and the event the alert states,
 * with the gazetteer's English names so one output reads the same whatever the article's language.
 */
final class ReadingJson {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ReadingJson() {}

    static ArrayNode frames(Reading reading) {
        ArrayNode all = JSON.createArrayNode();
        for (Frame f : reading.frames()) {
            ObjectNode n = all.addObject();
            n.put("predicate", f.predicate());
            n.put("arrival", f.arrival());
            n.put("setting", f.setting()); // a multilateral setting or a war named by the predicate: not the pair's own event
            n.put("stage", f.stage().map(Gazetteer.Stage::id).orElse(null));
            n.put("tense", f.tense().key());
            ArrayNode who = n.putArray("participants");
            for (Participant p : f.participants()) who.addObject().put("name", p.name()).put("side", p.side());
            n.put("topic", f.topic().orElse(null));
            n.put("place", f.place().map(p -> p.in("en")).orElse(null));
            n.put("date", f.date().map(Object::toString).orElse(null));
            n.put("part", f.part().name().toLowerCase(java.util.Locale.ROOT));
            n.put("sentence", f.sentence());
        }
        return all;
    }

    /** The event facts as the alert states them; {@code next} is a further event still to come, or null. */
    static ObjectNode event(EventCard card) {
        ObjectNode e = JSON.createObjectNode();
        e.put("stage", card.stage().map(Gazetteer.Stage::id).orElse(null));
        e.put("upcoming", card.upcoming());
        e.put("tense", card.stage().isEmpty() ? null : card.upcoming() ? "upcoming" : "done");
        e.put("arrival", card.arrival()); // a visit that has begun: the talks it is for are still to come
        ArrayNode people = e.putArray("people");
        card.people().forEach(p -> people.add(p.in("en")));
        ArrayNode places = e.putArray("places");
        card.places().forEach(p -> places.add(p.in("en")));
        card.countries().forEach(c -> places.add(c.in("en")));
        e.put("date", card.date().map(Object::toString).orElse(null));
        ArrayNode bodies = e.putArray("institutions");
        card.institutions().forEach(b -> bodies.add(b.in("en")));
        if (card.next().isPresent()) e.set("next", event(card.next().get()));
        else e.putNull("next");
        return e;
    }
}
