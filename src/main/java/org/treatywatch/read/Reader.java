package org.treatywatch.read;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.treatywatch.extract.Boilerplate;
import org.treatywatch.text.Mojibake;
import org.treatywatch.text.PhraseMatcher;
import org.treatywatch.text.Sentences;
import org.treatywatch.text.Tokenizer;

/**
 * Reads an item into sentences and event frames, once, with the topic's words and the gazetteer.
 * Rules over tokens and their clitic readings: a stage verb is a predicate; its tense comes from the
 * form and the words around it; its participants are the sides named in the sentence that are
 * neither its topic (after على/حول/בנושא) nor its place (في موسكو, בטהרן).
 */
public final class Reader {
    /** How far before a predicate a negation or hope still governs it, in tokens. */
    static final int CUE_REACH = 2;
    /** How far after the event's word a postponement may stand ("the meeting of the two presidents is postponed"). */
    static final int POSTPONE_REACH = 8;
    /** How far after "of" and its event a verb-final report may stand (Persian: از تصویب … خبر داد). */
    static final int VERB_FINAL_REACH = 18;
    /** How far after a visit or an arrival the country it goes to may stand, its subject between ("arrived in Iran"). */
    static final int COUNTRY_REACH = 6;
    /** How far around a predicate a past marker ("last January", الماضي) dates it as background. */
    static final int PAST_REACH = 6;
    /** A done event dated this many days before publication is background, not news. */
    static final int STALE_DAYS = 10;
    /** How many words may stand between a topic word and the side it governs ("about the situation in Iran"). */
    static final int TOPIC_REACH = 3;
    /** How far after a bare stage noun a future word still dates it (a verbless headline's "next month"). */
    static final int NOUN_FUTURE_REACH = 8;
    /** A reporting verb this many tokens before "of"/عن/על and the stage noun it reports (a date may sit between). */
    static final int REPORT_REACH = 10;

    /** Words between a route's word and the country it passes ("via the Republic of Azerbaijan"). */
    static final int ROUTE_REACH = 1;
    /** A title line this short that names no one and tells nothing may be page furniture. */
    static final int CHROME_WORDS = 5;
    /** How much of a long title line is looked at for a furniture label opening it. */
    static final int LABEL_LOOK = 200;
    /** A dateline's words besides its digits: a place and a weekday, a month or an agency's name. */
    static final int DATELINE_WORDS = 3;
    /** How many furniture lines before a headline are passed over. */
    static final int MAX_CHROME_LINES = 6;

    private final Lexicon lexicon;
    private final Gazetteer gazetteer;

    public Reader(Lexicon lexicon, Gazetteer gazetteer) {
        this.lexicon = lexicon;
        this.gazetteer = gazetteer;
    }

    public Lexicon lexicon() {
        return lexicon;
    }

    public Gazetteer gazetteer() {
        return gazetteer;
    }

    /** Reads a title and body; a title alone may be "headline — lead" or a pasted paragraph. */
    public Reading read(String title, String body, Optional<LocalDate> published) {
        if (title != null && (body == null || body.isBlank())) {
            if (!Sentences.afterHeadline(title).isEmpty()) return read(Sentences.headline(title), Sentences.afterHeadline(title), published);
            List<String> parts = Sentences.split(title);
            if (parts.size() > 1) return read(parts.get(0), String.join(" ", parts.subList(1, parts.size())), published);
        } else if (title != null) {
            // a feed that puts a paragraph in its title: the first sentence heads it, the rest leads the body
            List<String> parts = Sentences.split(title);
            if (parts.size() > 1) {
                return read(parts.get(0), String.join(" ", parts.subList(1, parts.size())) + "\n" + body, published);
            }
        }
        List<SentenceReading> out = new ArrayList<>();
        boolean titled = title != null && !title.isBlank();
        List<String> body0 = Sentences.split(body == null ? "" : DATELINE.matcher(body).replaceFirst(""));
        List<String> rest = new ArrayList<>(body0.size());
        for (String s : body0) if (!Boilerplate.opensWithLabel(s)) rest.add(s);
        // "Read also: the Duma ratified …", "Самое читаемое: …" left in a feed's text is another item's headline
        if (titled) {
            SentenceReading head = sentence(Sentences.bounded(title, Sentences.MAX_SENTENCE_CHARS), Frame.Part.TITLE, published);
            // a page's chrome before its headline ("×", a section's name, "news id: 224967", a bare date stamp):
            // the headline is the first line that names a side or tells an event
            for (int skipped = 0; chrome(head) && skipped < MAX_CHROME_LINES && !rest.isEmpty(); skipped++) {
                head = sentence(rest.remove(0), Frame.Part.TITLE, published);
            }
            out.add(head);
        }
        int index = 0;
        for (String s : rest) {
            SentenceReading r = sentence(s, index < Reading.LEAD_SENTENCES ? Frame.Part.LEAD : Frame.Part.BODY, published);
            out.add(r);
            // a date stamp or a dateline between the headline and the lead ("Published: 12 November", "Tehran - agencies")
            // tells nothing: the lead is the first sentences after them
            if (!(titled && index < Reading.LEAD_SENTENCES && chrome(r))) index++;
        }
        return new Reading(List.copyOf(out), titled);
    }

    /**
     * A title line that is a page's furniture, not a headline: a few words that name no side, no
     * official and tell no event. A real headline this short still names someone ("Lavrov: ...").
     */
    private boolean chrome(SentenceReading title) {
        // a ticker of other items under its label ("Today on the site: ...") is furniture however long
        String text = title.text();
        if (Boilerplate.opensWithLabel(text.length() > LABEL_LOOK ? text.substring(0, LABEL_LOOK) : text)) return true;
        // a picture's caption ("the reactor at Bushehr | photo: Reuters") names things but heads nothing
        if (Boilerplate.captioned(text)) return true;
        if (!title.frames().isEmpty() || title.hits().stream().anyMatch(h -> isSide(h.concept()))) return false;
        // a few words, or a dateline: a place and a date ("Vienna / Monday 05.08.2024")
        List<PhraseMatcher.Match<Gazetteer.Name>> names = gazetteer.namesIn(title.tokens());
        long words = title.tokens().stream().filter(t -> !t.chars().allMatch(Character::isDigit)).count();
        return words <= CHROME_WORDS && (names.isEmpty() && title.hits().isEmpty()
                || names.stream().allMatch(n -> n.label().kind() == Gazetteer.Kind.PLACE) && words <= DATELINE_WORDS);
    }

    /** One sentence on its own (a headline cut from its title, a test). */
    public SentenceReading sentence(String text, Frame.Part part, Optional<LocalDate> published) {
        List<String> tokens = Tokenizer.normalizedTokens(Mojibake.repair(text));
        List<Hit> hits = lexicon.find(tokens);
        List<PhraseMatcher.Match<Gazetteer.Cue>> cues = gazetteer.cuesIn(tokens);
        List<PhraseMatcher.Match<Gazetteer.Name>> names = gazetteer.namesIn(tokens);
        List<Gazetteer.StageMatch> stages = shipsArriving(signedSomething(predicates(gazetteer.stagesIn(tokens), names), cues), cues, names);
        List<Hit> parties = new ArrayList<>();
        String topic = null;
        int droppedEnd = Integer.MIN_VALUE / 2;
        for (Hit h : hits) {
            // "a railway to the border with Azerbaijan", "gas via Azerbaijan": a country a route passes is no party;
            // nor is an envoy's portfolio ("Putin's special envoy for Syrian affairs"), nor who objects ("despite Washington's objections")
            // (and so is the next one listed with it: "worries Israel and the US")
            if (h.concept() == Concept.THIRD_PARTY && (routeOrPortfolio(h, cues) || h.start() - droppedEnd <= LISTED_REACH)) {
                droppedEnd = h.end();
                continue;
            }
            if (isSide(h.concept()) && !person(names, h) && (topical(h, hits, cues, tokens) || objectOfAnotherPairsTalks(h, hits, cues, stages)
                    || modifierInOthersTalks(h, hits, cues, stages, tokens, text))) {
                if (topic == null) topic = side(h.concept());
            } else {
                parties.add(h);
            }
        }
        List<Frame> frames = new ArrayList<>();
        List<Participant> participants = participants(parties, names, tokens, cues);
        // "arrived in Tehran to hold trilateral talks": the visit is part of the talks the setting's word qualifies
        // (the talks noun so qualified: "discussed the nuclear deal" is a topic, it makes no meeting trilateral)
        java.util.Map<String, Optional<LocalDate>> dates = new java.util.HashMap<>(4);
        boolean trilateralTalks = stages.stream().anyMatch(m -> m.stage().id().equals(TALKS) && m.tense() != Tense.DONE && inSetting(m, hits, cues));
        for (Gazetteer.StageMatch m : stages) {
            Tense tense = tense(m, tokens, cues, text, published, stages, dates);
            Optional<Gazetteer.Name> place = place(names, tokens, m, parties);
            if (m.arrival() && place.isEmpty()) continue;
            // one date search per sentence and reading (to come or done), however many predicates it has: it is the costliest step
            boolean ahead = tense.upcoming();
            Optional<LocalDate> date = dates.computeIfAbsent(ahead ? COMING : DONE_DATE, a -> Dates.find(text, published, ahead));
            frames.add(new Frame(m.phrase(), Optional.of(m.stage()), tense, near(m, parties, names, tokens, participants, cues),
                    Optional.ofNullable(topic), place, date, text, part, m.arrival(),
                    inSetting(m, hits, cues) || m.stage().id().equals(TALKS) && trilateralTalks));
        }
        return new SentenceReading(text, part, tokens, hits, List.copyOf(parties), List.copyOf(frames));
    }

    /**
     * The stage forms that are predicates: never a word inside a person's name (فرزانه صادق is no
     * "ratified"), and a bare stage noun after talks is what the talks are about ("discussed the
     * implementation of the treaty", مشاورات حول تنفيذ المعاهدة), not an event of its own.
     */
    private static List<Gazetteer.StageMatch> predicates(List<Gazetteer.StageMatch> found, List<PhraseMatcher.Match<Gazetteer.Name>> names) {
        List<Gazetteer.StageMatch> out = new ArrayList<>();
        for (Gazetteer.StageMatch m : found) {
            boolean inName = names.stream().anyMatch(n -> n.label().kind() == Gazetteer.Kind.PERSON && n.start() <= m.start() && n.end() >= m.end());
            if (inName) continue;
            boolean aboutTalks = m.tense() == Tense.UNMARKED && !m.stage().id().equals(TALKS)
                    && found.stream().anyMatch(t -> t.stage().id().equals(TALKS) && t.end() <= m.start() && !inside(t, names));
            if (!aboutTalks) out.add(m);
        }
        return out;
    }

    /**
     * Arabic وقّع (signed) is spelled like وقع (occurred) and توقّع (expected): a bare form of it signs only when
     * an agreement (or على) follows within a few words, as it does in every report of a signing.
     */
    private static List<Gazetteer.StageMatch> signedSomething(List<Gazetteer.StageMatch> found, List<PhraseMatcher.Match<Gazetteer.Cue>> cues) {
        List<Gazetteer.StageMatch> out = new ArrayList<>(found.size());
        for (Gazetteer.StageMatch m : found) {
            boolean homograph = cues.stream().anyMatch(c -> c.label() == Gazetteer.Cue.SIGN_HOMOGRAPH && c.start() == m.start() && c.end() == m.end());
            boolean object = cues.stream().anyMatch(c -> c.label() == Gazetteer.Cue.SIGN_OBJECT && c.start() >= m.end() && c.start() - m.end() <= SIGN_OBJECT_REACH);
            if (!homograph || object) out.add(m);
        }
        return out;
    }

    /**
     * "Two Russian frigates arrived at Bandar Anzali for a joint drill": ships that arrive are work done
     * under the pair's cooperation (a port call, a drill), not a visit with talks to come.
     */
    private List<Gazetteer.StageMatch> shipsArriving(List<Gazetteer.StageMatch> found, List<PhraseMatcher.Match<Gazetteer.Cue>> cues,
                                                     List<PhraseMatcher.Match<Gazetteer.Name>> names) {
        Optional<Gazetteer.Stage> work = gazetteer.stage(IMPLEMENTATION);
        if (work.isEmpty()) return found;
        List<Gazetteer.StageMatch> out = new ArrayList<>(found.size());
        for (Gazetteer.StageMatch m : found) {
            // before the verb in Hebrew and headlines (ספינות רוסיות עגנו), after it in Arabic's verb-first order (وصلت سفن)
            // Persian puts the verb last, far from its subject (نخستین قطار باری روسیه با عبور از … وارد ایران شد): a vessel
            // further before the verb still counts when no person stands between (a minister's plane brings a visit)
            boolean ships = m.arrival() && cues.stream().anyMatch(c -> c.label() == Gazetteer.Cue.VESSEL
                    && (c.end() <= m.start() && m.start() - c.end() <= VESSEL_REACH || c.start() >= m.end() && c.start() - m.end() <= VESSEL_REACH
                        || c.end() <= m.start() && m.start() - c.end() <= VESSEL_SUBJECT_REACH && names.stream().noneMatch(
                            n -> n.label().kind() == Gazetteer.Kind.PERSON && n.start() < m.start() && n.end() > c.start())));
            out.add(ships ? new Gazetteer.StageMatch(work.get(), m.tense(), m.phrase(), m.start(), m.end(), false) : m);
        }
        return out;
    }

    private static boolean inside(Gazetteer.StageMatch m, List<PhraseMatcher.Match<Gazetteer.Name>> names) {
        return names.stream().anyMatch(n -> n.label().kind() == Gazetteer.Kind.PERSON && n.start() <= m.start() && n.end() >= m.end());
    }

    static final String TALKS = "talks";
    /** A sentence's date searches, each done once: as written, and resolved for an event done or to come. */
    /**
     * An agency's dateline before the lead ("МОСКВА, 17 января. /ТАСС/.", "МОСКВА, 5 мая — РИА Новости.",
     * "TEHRAN, Jan 17 (Reuters) -"): the city in capitals is where the wire was filed, not a party to the
     * news, and would name Russia in every Moscow item.
     */
    static final java.util.regex.Pattern DATELINE = java.util.regex.Pattern.compile(
            "^\\s*\\p{Lu}[\\p{Lu}\\- ]{2,40},\\s*\\d{1,2}\\s+\\p{L}+\\.?\\s*(?:/[^/\\n]{2,30}/\\.?|\\([^)\\n]{2,30}\\)\\s*[—–-]|[—–-]\\s*[^.\\n]{2,30}\\.)?\\s*");

    private static final String EXPLICIT = "explicit", DONE_DATE = "done", COMING = "coming", YEAR = "year";
    static final int MONTH_REACH = 8;

    // The last day of the latest such month on or before the publication day (January read in March: this year's).
    private static LocalDate monthEnd(int month, LocalDate published) {
        int year = month <= published.getMonthValue() ? published.getYear() : published.getYear() - 1;
        return java.time.YearMonth.of(year, month).atEndOfMonth();
    }
    /** How far after a bare وقّع its agreement stands (the two presidents between), in tokens. */
    static final int SIGN_OBJECT_REACH = 16;
    /** How far after its predicate a third country may stand and still take part in it, in tokens. */
    static final int THIRD_REACH = 10;
    /** Words between two countries listed together ("Israel and the US"), in tokens. */
    static final int LISTED_REACH = 2;
    /** Words between "the envoy of" and the person it is of (a first name). */
    static final int AIDE_REACH = 1;
    /** How far after "according to" (به نقل از, по данным) the source it names stands, in tokens. */
    static final int SOURCE_REACH = 3;
    /** How far from a meeting's or call's word its participants stand, in tokens. */
    static final int TALKS_REACH = 10;
    /** How far before a gentilic its party's noun may stand (the noun, another gentilic, a two-word name). */
    static final int PARTY_NOUN_REACH = 3;
    /** How close to a predicate a setting's word qualifies it (محادثات ثلاثية, trilateral talks), in tokens. */
    static final int SETTING_REACH = 1;
    /** A background opener ("it is recalled that") counts within the sentence's first words only. */
    static final int BACKGROUND_OPENING = 1;
    /** How far after a past time opening the sentence its done verb may stand (the subject between), in tokens. */
    static final int OPENING_REACH = 6;
    static final String IMPLEMENTATION = "implementation";
    /** How many words may stand between the ships and the verb of their arrival (two Russian navy frigates arrived). */
    static final int VESSEL_REACH = 5;
    /** How far before a verb-final arrival its vessel subject may stand, with no person between. */
    static final int VESSEL_SUBJECT_REACH = 14;

    // a person is a party whatever stands before the name (على in علي لاريجاني reads like "on")
    private static boolean person(List<PhraseMatcher.Match<Gazetteer.Name>> names, Hit h) {
        PhraseMatcher.Match<Gazetteer.Name> n = covering(names, h);
        return n != null && n.label().kind() == Gazetteer.Kind.PERSON;
    }

    private static boolean isSide(Concept c) {
        return c == Concept.RUSSIA || c == Concept.IRAN;
    }

    private static String side(Concept c) {
        return c == Concept.RUSSIA ? Participant.RUSSIA : c == Concept.IRAN ? Participant.IRAN : Participant.THIRD;
    }

    /**
     * A side is only the topic when a topic word governs it (discussed the situation around Iran,
     * بحثا الملف الإيراني) or it sits inside a setting's name (the Iranian nuclear file); a "with"
     * between them makes it a party again (talks about cooperation with Iran).
     */
    private static boolean routeOrPortfolio(Hit h, List<PhraseMatcher.Match<Gazetteer.Cue>> cues) {
        for (PhraseMatcher.Match<Gazetteer.Cue> c : cues) {
            boolean label = c.label() == Gazetteer.Cue.ROUTE || c.label() == Gazetteer.Cue.PORTFOLIO || c.label() == Gazetteer.Cue.DESPITE;
            if (label && c.end() <= h.start() && h.start() - c.end() <= ROUTE_REACH) return true;
        }
        return false;
    }

    private static boolean topical(Hit h, List<Hit> hits, List<PhraseMatcher.Match<Gazetteer.Cue>> cues, List<String> tokens) {
        for (Hit other : hits) {
            if ((other.concept() == Concept.MULTILATERAL || other.concept() == Concept.CONFLICT) && h.inside(other)) return true;
        }
        for (PhraseMatcher.Match<Gazetteer.Cue> c : cues) {
            if (c.label() == Gazetteer.Cue.ABOUT && c.end() == h.start()) return true;
            if (c.label() != Gazetteer.Cue.TOPIC || c.end() > h.start() || h.start() - c.end() > TOPIC_REACH) continue;
            boolean blocked = false;
            for (PhraseMatcher.Match<Gazetteer.Cue> w : cues) {
                if (w.label() == Gazetteer.Cue.WITH && w.start() >= c.end() && w.end() <= h.start()) blocked = true;
            }
            for (Hit p : hits) {
                if (p != h && p.start() >= c.end() && p.start() < h.start() && (isSide(p.concept()) || p.concept() == Concept.THIRD_PARTY)) blocked = true;
            }
            if (!blocked) return true;
        }
        return false;
    }

    /**
     * "Putin and the Emir of Qatar discuss the nuclear talks between Iran and the US": a third party and
     * one side hold the talks, the other side named after the verb (and not "with" it) is what they
     * discuss. Their talks, not the pair's.
     */
    private static boolean objectOfAnotherPairsTalks(Hit h, List<Hit> hits, List<PhraseMatcher.Match<Gazetteer.Cue>> cues,
                                                     List<Gazetteer.StageMatch> stages) {
        for (Gazetteer.StageMatch t : stages) {
            if (!t.stage().id().equals(TALKS) || t.end() > h.start()) continue;
            boolean third = false, other = false, same = false;
            for (Hit p : hits) {
                if (p.end() > t.start()) continue;
                third |= p.concept() == Concept.THIRD_PARTY;
                other |= isSide(p.concept()) && p.concept() != h.concept();
                same |= p.concept() == h.concept();
            }
            boolean with = cues.stream().anyMatch(w -> w.label() == Gazetteer.Cue.WITH && w.start() >= t.end() && w.end() <= h.start());
            if (third && other && !same && !with) return true;
        }
        return false;
    }

    // "arrived in Tehran to hold trilateral talks", "met on the sidelines of the war talks": a setting's word by the predicate
    private static boolean inSetting(Gazetteer.StageMatch m, List<Hit> hits, List<PhraseMatcher.Match<Gazetteer.Cue>> cues) {
        // "met on the sidelines of the BRICS summit": the summit is beside the meeting, not its setting
        for (PhraseMatcher.Match<Gazetteer.Cue> c : cues) {
            if (c.label() == Gazetteer.Cue.SIDELINES && Math.abs(c.start() - m.start()) <= SETTING_REACH + 2) return false;
        }
        for (Hit h : hits) {
            boolean setting = h.concept() == Concept.MULTILATERAL || h.concept() == Concept.CONFLICT || h.concept() == Concept.UKRAINE_WAR;
            if (setting && Math.max(h.start() - m.end(), m.start() - h.end()) <= SETTING_REACH) return true;
        }
        return false;
    }

    /**
     * The sentence's participants as one predicate has them: a third country named well after the
     * predicate ("satellites launched on Soyuz rockets ... the two countries under American sanctions")
     * qualifies something else, it does not take part; one named before it or close after it does.
     */
    private List<Participant> near(Gazetteer.StageMatch m, List<Hit> parties, List<PhraseMatcher.Match<Gazetteer.Name>> names,
                                   List<String> tokens, List<Participant> all, List<PhraseMatcher.Match<Gazetteer.Cue>> cues) {
        boolean talks = m.stage().id().equals(TALKS);
        List<Hit> kept = new ArrayList<>(parties.size());
        for (Hit h : parties) {
            // (a meeting's speaker is often its party: "Netanyahu said he spoke with Putin")
            if (!talks && h.concept() == Concept.THIRD_PARTY && speaker(h, m, cues)) continue;
            // a meeting's participants stand around its word ("the meeting that brought Netanyahu and Putin together");
            // a side named further on ("Putin prefers Iran") is what they talked about or someone else
            // a verb-final meeting ("Lavrentiev, Putin's envoy, ... with Larijani, secretary of ..., met") has its
            // parties far before the verb: whoever stands before one marked by "with" takes part
            boolean far = talks ? Math.max(h.start() - m.end(), m.start() - h.end()) > TALKS_REACH && !withMarkedAfter(h, m, parties, cues)
                    : h.concept() == Concept.THIRD_PARTY && h.start() - m.end() > THIRD_REACH;
            if (!far) kept.add(h);
        }
        if (kept.size() == parties.size()) return all;
        List<Participant> near = participants(kept, names, tokens, cues);
        return near.stream().anyMatch(Participant::ours) ? near : all;
    }

    private static boolean withMarkedAfter(Hit h, Gazetteer.StageMatch m, List<Hit> parties, List<PhraseMatcher.Match<Gazetteer.Cue>> cues) {
        if (h.end() > m.start()) return false;
        for (Hit p : parties) {
            if (p.start() < h.start() || p.end() > m.start()) continue;
            for (PhraseMatcher.Match<Gazetteer.Cue> c : cues) {
                if (c.label() == Gazetteer.Cue.WITH && c.end() <= p.start() && p.start() - c.end() <= 1) return true;
            }
        }
        return false;
    }

    /**
     * "Israeli television claimed that Russia will deliver the jets to Iran", "according to a Ukrainian outlet,
     * Russia builds ...": a third country that reports the event (before its reporting verb, or right after
     * "according to") is its source, not a party to it.
     */
    private static boolean speaker(Hit h, Gazetteer.StageMatch m, List<PhraseMatcher.Match<Gazetteer.Cue>> cues) {
        if (h.end() > m.start()) return false;
        for (PhraseMatcher.Match<Gazetteer.Cue> c : cues) {
            if (c.label() != Gazetteer.Cue.REPORTING || c.end() > m.start()) continue;
            if (h.end() <= c.start() || c.end() <= h.start() && h.start() - c.end() <= SOURCE_REACH) return true;
        }
        return false;
    }

    /**
     * "Netanyahu met Putin in the Kremlin and discussed the Iranian entrenchment in Syria": in a third
     * party's talks with one side, the other side named only as an adjective of some thing is what they
     * discussed. After a party's noun ("the Iranian president", الوفد الإيراني) it is a party again.
     */
    private boolean modifierInOthersTalks(Hit h, List<Hit> hits, List<PhraseMatcher.Match<Gazetteer.Cue>> cues,
                                          List<Gazetteer.StageMatch> stages, List<String> tokens, String text) {
        if (!gazetteer.gentilic(tokens.get(h.start())) || stages.stream().noneMatch(m -> m.stage().id().equals(TALKS))) return false;
        // Persian روسیه is Russia itself, spelled as Arabic's "Russian" (روسية) once letters are folded
        if (org.treatywatch.text.Language.FA.equals(org.treatywatch.text.Language.guess(text))) return false;
        boolean third = false, other = false;
        for (Hit p : hits) {
            third |= p.concept() == Concept.THIRD_PARTY;
            other |= isSide(p.concept()) && p.concept() != h.concept();
        }
        if (!third || !other) return false;
        // a party's noun a few words back, over other gentilics and a name ("the two presidents, the Iranian Hassan
        // Rouhani and the Russian Vladimir Putin", الرئيسين الإيراني حسن روحاني والروسي)
        return cues.stream().noneMatch(c -> c.label() == Gazetteer.Cue.PARTY_NOUN && c.end() <= h.start() && h.start() - c.end() <= PARTY_NOUN_REACH);
    }

    /**
     * Who takes part: every party named in the sentence, by the gazetteer's name where one covers the
     * word; a country or capital named as a place ("in Moscow") is where it happens, not a party,
     * unless no third party is named (then it is the host of the pair's meeting).
     */
    private List<Participant> participants(List<Hit> parties, List<PhraseMatcher.Match<Gazetteer.Name>> names, List<String> tokens,
                                           List<PhraseMatcher.Match<Gazetteer.Cue>> cues) {
        List<Participant> out = new ArrayList<>();
        List<Participant> hosts = new ArrayList<>();
        boolean third = false;
        for (Hit h : parties) {
            if (!isSide(h.concept()) && h.concept() != Concept.THIRD_PARTY) continue;
            third |= h.concept() == Concept.THIRD_PARTY;
            PhraseMatcher.Match<Gazetteer.Name> name = covering(names, h);
            Participant p;
            // "Putin's special envoy met Larijani", "Larijani, adviser to the Leader": whose envoy, aide or message it
            // is speaks for their side, but they are not there (the envoy is, named or not)
            boolean principal = name != null && name.label().kind() == Gazetteer.Kind.PERSON && principalOfAnother(name, cues);
            if (name != null && name.label().kind() != Gazetteer.Kind.PLACE && !principal) {
                p = new Participant(name.label().in("en"), side(h.concept()), name.label().kind(), Optional.of(name.label()));
            } else if (isSide(h.concept())) {
                Optional<Gazetteer.Name> country = gazetteer.name(side(h.concept()));
                p = new Participant(country.map(n -> n.in("en")).orElse(side(h.concept())), side(h.concept()), Gazetteer.Kind.COUNTRY, country);
                if (name != null && gazetteer.locative(tokens, name) || locativeToken(tokens.get(h.start()), h.form())) {
                    if (!hosts.contains(p)) hosts.add(p);
                    continue;
                }
            } else {
                // "Pezeshkian leaves for Tajikistan and Russia": a third country one travels to is a stop, not a party
                if (gazetteer.locative(tokens, h.start(), h.form())) continue;
                p = new Participant(h.form(), Participant.THIRD, Gazetteer.Kind.COUNTRY, Optional.empty());
            }
            if (!out.contains(p)) out.add(p);
        }
        if (!third) for (Participant h : hosts) if (!out.contains(h)) out.add(h);
        return List.copyOf(out);
    }

    // "the envoy of Vladimir Putin" is Putin's; "the aide of the president, Yuri Ushakov" is Ushakov himself
    private static boolean principalOfAnother(PhraseMatcher.Match<Gazetteer.Name> name, List<PhraseMatcher.Match<Gazetteer.Cue>> cues) {
        for (PhraseMatcher.Match<Gazetteer.Cue> c : cues) {
            if (c.label() != Gazetteer.Cue.AIDE_OF || c.end() > name.start() || name.start() - c.end() > AIDE_REACH) continue;
            boolean titleBetween = cues.stream().anyMatch(n -> n.label() == Gazetteer.Cue.PARTY_NOUN && n.start() >= c.end() && n.start() < name.start());
            if (!titleBetween) return true;
        }
        return false;
    }

    private static PhraseMatcher.Match<Gazetteer.Name> covering(List<PhraseMatcher.Match<Gazetteer.Name>> names, Hit h) {
        for (PhraseMatcher.Match<Gazetteer.Name> n : names) if (n.start() <= h.start() && n.end() >= h.end()) return n;
        return null;
    }

    // ברוסיה, בטהרן, بموسكو, لطهران: a proclitic "in"/"to" on a country or capital
    private static boolean locativeToken(String token, String form) {
        String bare = Tokenizer.normalizedTokens(form).isEmpty() ? form : Tokenizer.normalizedTokens(form).get(0);
        int at = token.indexOf(bare);
        if (at <= 0) return false;
        String prefix = token.substring(0, at);
        if (prefix.indexOf('ב') >= 0) return true;
        String stripped = prefix.endsWith("ال") ? prefix.substring(0, prefix.length() - 2) : prefix;
        return stripped.endsWith("ب");
    }

    /** The tense the sentence gives a stage form: negated, hoped, recalled, or as the form says. */
    private Tense tense(Gazetteer.StageMatch m, List<String> tokens, List<PhraseMatcher.Match<Gazetteer.Cue>> cues, String text,
                        Optional<LocalDate> published, List<Gazetteer.StageMatch> stages, java.util.Map<String, Optional<LocalDate>> dates) {
        Tense tense = m.tense();
        for (PhraseMatcher.Match<Gazetteer.Cue> c : cues) {
            boolean before = c.end() <= m.start() && m.start() - c.end() <= CUE_REACH;
            // "the meeting of Putin and the Iranian president is postponed" (دیدار … به تعویق می‌افتد, הפגישה נדחתה):
            // the event named before the word does not take place
            boolean postponedAfter = c.start() >= m.end() && c.start() - m.end() <= POSTPONE_REACH
                    && stages.stream().noneMatch(o -> o != m && o.start() >= m.end() && o.start() < c.start());
            if (c.label() == Gazetteer.Cue.POSTPONED && (before || postponedAfter)) return Tense.DENIED;
            if (before && c.label() == Gazetteer.Cue.NEGATION) return Tense.DENIED;
            if (before && c.label() == Gazetteer.Cue.HOPE && tense != Tense.PAST) tense = Tense.HOPED;
        }
        if (tense != Tense.DONE && tense != Tense.UNMARKED) return tense;
        if (tense == Tense.UNMARKED) {
            int reportedFrom = Integer.MAX_VALUE;
            for (PhraseMatcher.Match<Gazetteer.Cue> c : cues) {
                // "the signing will take place on Friday", التوقيع سيجري: a future verb right after the noun
                if (c.label() == Gazetteer.Cue.FUTURE && c.start() >= m.end() && c.start() - m.end() <= CUE_REACH) return Tense.UPCOMING;
                // a headline without a verb: "joint drills with the Russian fleet in the Caspian next month"
                boolean later = c.label() == Gazetteer.Cue.FUTURE && c.start() >= m.end() && c.start() - m.end() <= NOUN_FUTURE_REACH;
                if (later && stages.stream().noneMatch(o -> o != m && o.start() >= m.end() && o.start() < c.start())) return Tense.UPCOMING;
                // "Lavrov and Araghchi announce the completion of the text": announcing it is the announcement
                boolean reported = c.label() == Gazetteer.Cue.REPORTING && c.end() <= m.start() && m.start() - c.end() <= CUE_REACH;
                // "announced the signing", "welcomed the ratification": an event reacted to is one that happened
                // (unless a future word says it is to come: that check returns first, whatever the cues' order)
                boolean reacted = c.label() == Gazetteer.Cue.REACTION && c.end() <= m.start() && m.start() - c.end() <= CUE_REACH;
                if ((reported && m.stage().id().equals("announcement")) || reacted) {
                    tense = Tense.DONE;
                    reportedFrom = Math.min(reportedFrom, c.start());
                }
                // "Iranian state media announced on Friday 26 September the signing of a deal" (أعلنت ... عن توقيع,
                // הודיעו ... על חתימת): a report of the event, however far its verb, is of one that happened
                boolean announced = c.label() == Gazetteer.Cue.ANNOUNCE && c.end() <= m.start() && m.start() - c.end() <= REPORT_REACH
                        && !m.stage().id().equals(TALKS) && stages.stream().noneMatch(o -> o != m && o.start() >= c.end() && o.end() <= m.start());
                if (announced) {
                    tense = Tense.DONE;
                    reportedFrom = Math.min(reportedFrom, c.start());
                }
                boolean of = c.label() == Gazetteer.Cue.EVENT_OF && c.end() == m.start();
                for (PhraseMatcher.Match<Gazetteer.Cue> r : of ? cues : List.<PhraseMatcher.Match<Gazetteer.Cue>>of()) {
                    boolean reportBefore = (r.label() == Gazetteer.Cue.REPORTING || r.label() == Gazetteer.Cue.REACTION)
                            && r.end() < c.start() && c.start() - r.end() <= REPORT_REACH;
                    // Persian puts the report's verb last: از تصویب توافقنامه … از سوی دوما خبر داد ("reported the ratification of …")
                    boolean reportAfter = r.label() == Gazetteer.Cue.ANNOUNCE && r.start() >= m.end() && r.start() - m.end() <= VERB_FINAL_REACH
                            && stages.stream().noneMatch(o -> o != m && o.start() >= m.end() && o.start() < r.start());
                    if (reportBefore || reportAfter) {
                        tense = Tense.DONE;
                        reportedFrom = Math.min(reportedFrom, r.start());
                    }
                }
            }
            // "a ceremony is due to be held today celebrating the signing" (من المقرر أن تقام ... احتفالاً بتوقيع):
            // the report or celebration is itself to come
            for (PhraseMatcher.Match<Gazetteer.Cue> c : cues) {
                if (tense == Tense.DONE && c.label() == Gazetteer.Cue.FUTURE && c.end() <= reportedFrom && reportedFrom - c.end() <= REPORT_REACH) {
                    return Tense.UPCOMING;
                }
            }
        }
        if (tense == Tense.DONE) {
            // a headline's present tense reads as done, but "Putin receives him in the Kremlin tomorrow" is to come
            for (PhraseMatcher.Match<Gazetteer.Cue> c : cues) {
                if (c.label() != Gazetteer.Cue.SOON || c.start() < m.end() || c.start() - m.end() > PAST_REACH) continue;
                // "arrived in Moscow, where he will sign tomorrow": the day is the nearer verb's
                boolean nearer = stages.stream().anyMatch(o -> o != m && o.start() >= m.end() && o.start() < c.start());
                if (!nearer) return Tense.UPCOMING;
            }
        }
        if (relative(tokens.get(m.start()), m.phrase())) return Tense.PAST;
        for (PhraseMatcher.Match<Gazetteer.Cue> c : cues) {
            // "it is worth recalling that Rosatom started up Bushehr" (يذكر أن, כזכור): the sentence recalls, it reports nothing new
            if (c.label() == Gazetteer.Cue.BACKGROUND && c.start() <= BACKGROUND_OPENING && c.end() <= m.start()) return Tense.PAST;
            // وكان بوتين وقّع (Putin had signed) opens a recalled event; وكان في استقبال الرئيس (receiving
            // the president were ...) describes this one: only a verb is put in the past perfect
            if (c.label() == Gazetteer.Cue.PLUPERFECT && c.start() <= BACKGROUND_OPENING && c.end() <= m.start()
                    && m.tense() != Tense.UNMARKED) return Tense.PAST;
            // "this news comes while the Federation Council has ratified …" (در حالی … که … تصویب کرد): a done verb in
            // the clause a "while" opens sets the scene for the news, it is not the news
            // (Persian wraps the main verb: جلالی در حالی وارد روسیه شد که … — only what follows که is the scene)
            if (c.label() == Gazetteer.Cue.WHILE && m.tense() == Tense.DONE && m.start() > clauseAfter(cues, c)) return Tense.PAST;
        }
        for (PhraseMatcher.Match<Gazetteer.Cue> c : cues) {
            // "the treaty that was signed", "the city that saw the meeting" (التي شهدت لقاء)
            if (c.label() == Gazetteer.Cue.RELATIVE && c.end() <= m.start() && m.start() - c.end() <= 1) return Tense.PAST;
            boolean near = (c.start() >= m.end() && c.start() - m.end() <= PAST_REACH) || (c.end() <= m.start() && m.start() - c.end() <= CUE_REACH);
            if (c.label() == Gazetteer.Cue.PAST && near) return Tense.PAST;
            // "Last spring Russia and Iran signed ...", "В прошлом году стороны подписали": a past time opening the
            // sentence dates the done verb after its subject
            boolean opening = c.start() <= BACKGROUND_OPENING && c.end() <= m.start() && m.start() - c.end() <= OPENING_REACH;
            if (c.label() == Gazetteer.Cue.PAST && opening && m.tense() == Tense.DONE) return Tense.PAST;
        }
        if (tense == Tense.DONE && published.isPresent()) {
            // the sentence's own date as written (done reading), searched once per sentence
            Optional<LocalDate> date = dates.computeIfAbsent(EXPLICIT, a -> Dates.find(text));
            if (date.isPresent() && date.get().isBefore(published.get().minusDays(STALE_DAYS))) return Tense.PAST;
            // "in 2025 Russia and Iran signed" read in 2026: only a year, and before the publication's
            if (date.isEmpty() && published.get().getDayOfYear() > STALE_DAYS
                    && dates.computeIfAbsent(YEAR, a -> Dates.yearOf(text).map(y -> LocalDate.of(y, 1, 1))).map(LocalDate::getYear)
                        .map(y -> y < published.get().getYear()).orElse(false)) {
                return Tense.PAST;
            }
            // "the agreement was signed in January" read in March: the month, right after the verb, ended long before publication
            if (date.isEmpty()) {
                for (Dates.MonthMention month : Dates.monthsIn(tokens)) {
                    // "the second launch since July" dates something else
                    boolean since = cues.stream().anyMatch(c -> c.label() == Gazetteer.Cue.SINCE && c.end() == month.token());
                    boolean ofThisVerb = !since && month.token() >= m.end() && month.token() - m.end() <= MONTH_REACH
                            // "discussed the treaty signed in January": the month is the nearer verb's
                            && stages.stream().noneMatch(o -> o != m && o.start() >= m.end() && o.start() < month.token());
                    if (ofThisVerb && monthEnd(month.month(), published.get()).isBefore(published.get().minusDays(STALE_DAYS))) return Tense.PAST;
                }
            }
        }
        return tense;
    }

    // where the clause a "while" opens begins: at the first relative word (که) from the cue on
    private static int clauseAfter(List<PhraseMatcher.Match<Gazetteer.Cue>> cues, PhraseMatcher.Match<Gazetteer.Cue> c) {
        int at = Integer.MAX_VALUE;
        for (PhraseMatcher.Match<Gazetteer.Cue> r : cues) {
            if (r.label() == Gazetteer.Cue.RELATIVE && r.start() >= c.start()) at = Math.min(at, r.start());
        }
        return at;
    }

    // Hebrew marks a relative clause with a ש proclitic: שנחתם, כשנחתמה ("the treaty that was signed")
    private static boolean relative(String token, String phrase) {
        List<String> first = Tokenizer.normalizedTokens(phrase);
        if (first.isEmpty()) return false;
        int at = token.indexOf(first.get(0));
        return at > 0 && token.charAt(0) >= '\u05D0' && token.charAt(0) <= '\u05EA' && token.substring(0, at).indexOf('ש') >= 0;
    }

    /** The place where the predicate happens: the locative place in its sentence nearest to it. */
    private Optional<Gazetteer.Name> place(List<PhraseMatcher.Match<Gazetteer.Name>> names, List<String> tokens, Gazetteer.StageMatch m,
                                           List<Hit> parties) {
        PhraseMatcher.Match<Gazetteer.Name> best = null;
        // a place the form itself ends on ("headed … to Moscow", "left Tehran heading to | Moscow") is where it goes,
        // however near another stands (the last one: the first inside "left Tehran heading to" is where it leaves)
        PhraseMatcher.Match<Gazetteer.Name> bound = null;
        for (PhraseMatcher.Match<Gazetteer.Name> n : names) {
            boolean inside = n.start() > m.start() && n.end() <= m.end();
            boolean next = n.start() == m.end();
            if (n.label().kind() == Gazetteer.Kind.PLACE && (inside || next) && gazetteer.locative(tokens, n)
                    && (bound == null || n.start() > bound.start())) bound = n;
        }
        if (bound != null && m.end() - m.start() > 1) return Optional.of(bound.label());
        for (PhraseMatcher.Match<Gazetteer.Name> n : names) {
            if (n.label().kind() != Gazetteer.Kind.PLACE || !gazetteer.locative(tokens, n)) continue;
            if (best == null || Math.abs(n.start() - m.start()) < Math.abs(best.start() - m.start())) best = n;
        }
        if (best != null) return Optional.of(best.label());
        // "Shoigu arrived in Iran", "Pezeshkian's visit to Russia", وارد روسیه شد: a visit named with only the country it
        // goes to is placed there (a delivery "to Iran" is not: where it is handed over is another matter)
        if (!m.stage().id().equals(TALKS)) return Optional.empty();
        for (Hit h : parties) {
            // the country may stand inside the form (وارد روسیه شد) or after the subject (وصل أمين المجلس الروسي إلى إيران)
            if (!isSide(h.concept()) || h.start() <= m.start() || h.start() - m.end() > COUNTRY_REACH) continue;
            // the country's word inside a body's or a person's name (بمجلس الشورى الإيراني) is no destination
            if (names.stream().anyMatch(n -> n.label().kind() != Gazetteer.Kind.PLACE && n.start() <= h.start() && n.end() >= h.end())) continue;
            if (gazetteer.locative(tokens, h.start(), h.form())) return gazetteer.name(side(h.concept()));
        }
        return Optional.empty();
    }
}
