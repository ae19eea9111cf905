package org.treatywatch.read;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.treatywatch.text.PhraseMatcher;

/**
 * People, places and story stages with their names in Hebrew, Arabic and English, and the
 * spellings that identify them in text. Loaded from templates/gazetteer.yaml by config.
 */
public final class Gazetteer {
    /** An institution (Duma, Rosatom) stands for a side but is never where something happened. */
    public enum Kind { PERSON, PLACE, INSTITUTION, PROJECT, COUNTRY }

    /**
     * A person, place, institution, project or country: display names and roles by language code;
     * {@code side} is the country id it stands for ("russia", "iran", or "" for neither);
     * {@code country} is a place's country id; {@code years} when a person held the role.
     */
    public record Name(String id, Kind kind, Map<String, String> names, Map<String, String> roles, String side,
                       String country, String years) {
        public Name(String id, Kind kind, Map<String, String> names, Map<String, String> roles) {
            this(id, kind, names, roles, "", "", "");
        }

        public String in(String lang) {
            return names.getOrDefault(lang, names.getOrDefault("en", id));
        }

        /** "In it" as the language writes it, when it is not the preposition before the name (בקרמלין, not בהקרמלין). */
        public Optional<String> locativeIn(String lang) {
            return Optional.ofNullable(names.get(lang + "_in"));
        }

        public Optional<String> roleIn(String lang) {
            return Optional.ofNullable(roles.get(lang));
        }
    }

    /** A stage of the treaty story; a higher order is further along. */
    public record Stage(String id, int order, Map<String, String> labels) {
        public String in(String lang) {
            return labels.getOrDefault(lang, labels.getOrDefault("en", id));
        }
    }

    /**
     * A stage form found in a sentence's tokens [start, end), with the tense the text gives it; an
     * arrival ("arrived", وصل) is a visit only where it says where to (trade "reaches" a sum is none).
     */
    public record StageMatch(Stage stage, Tense tense, String phrase, int start, int end, boolean arrival) {}

    /**
     * Words that change how a sentence is read, from the {@code reading:} section of gazetteer.yaml:
     * a side after a topic word is what is discussed, not who takes part (على/حول/بشأن إيران, על
     * איראן); negations and hopes change a predicate's tense; past markers and relative words make
     * an event background ("the treaty signed last January"); reporting verbs carry what others say.
     */
    public enum Cue { TOPIC, ABOUT, WITH, NEGATION, PAST, HOPE, REPORTING, RELATIVE, FUTURE, SOON, REACTION, EVENT_OF, VESSEL, BACKGROUND, SIDELINES, ANNOUNCE, PARTY_NOUN, GENTILIC_ENDING, SIGN_HOMOGRAPH, SIGN_OBJECT, DRILL, ROUTE, AIDE_OF, PORTFOLIO, PLUPERFECT, DESPITE, SINCE, POSTPONED, WHILE }

    private record StageForm(Stage stage, Tense tense, boolean arrival) {
        StageForm(Stage stage, Tense tense) {
            this(stage, tense, false);
        }
    }

    /** Words before a stage word that put it in the future (צפוי, من المتوقع, expected), this many tokens back at most. */
    static final int MARKER_REACH = 4;

    private final PhraseMatcher<Name> names = new PhraseMatcher<>();
    private final PhraseMatcher<StageForm> stages = new PhraseMatcher<>();
    private final PhraseMatcher<Boolean> upcomingMarkers = new PhraseMatcher<>();
    private final java.util.Map<String, Name> namesById = new java.util.HashMap<>();
    private final java.util.Map<String, Stage> stagesById = new java.util.HashMap<>();

    private final java.util.Map<Name, List<String>> formsByName = new java.util.LinkedHashMap<>();

    public void add(Name name, List<String> forms) {
        namesById.put(name.id(), name);
        formsByName.put(name, List.copyOf(forms));
        for (String f : forms) names.add(name, f, name.kind() == Kind.PERSON);
    }

    /**
     * Every spelling of every entry that stands for this side, by kind: what the detector knows of it.
     * Only entries marked with {@code side:} count; a place's country alone does not make it a party
     * (a forum in Saint Petersburg is not Russia dealing with anyone; the Bushehr plant is Iran).
     */
    public List<String> formsOf(String side, Kind kind) {
        List<String> out = new ArrayList<>();
        formsByName.forEach((n, forms) -> {
            if (n.kind() == kind && side.equals(n.side())) out.addAll(forms);
        });
        return out;
    }

    /** The country a place lies in, when the gazetteer knows it. */
    public Optional<Name> countryOf(Name place) {
        return place.country().isEmpty() ? Optional.empty() : name(place.country());
    }

    /** Where an institution sits (the Duma in Moscow, the Majlis in Tehran): where what it does happens. */
    public void addSeat(String institutionId, String placeId) {
        seats.put(institutionId, placeId);
    }

    public Optional<Name> seatOf(Name institution) {
        return Optional.ofNullable(seats.get(institution.id())).flatMap(this::name);
    }

    public void add(Stage stage, List<String> forms) {
        add(stage, forms, List.of());
    }

    /** A stage with the forms that report it done and the forms that report it still to come. */
    public void add(Stage stage, List<String> forms, List<String> upcomingForms) {
        add(stage, forms, upcomingForms, List.of());
    }

    /** ... and nouns that name it without a tense ("the signing"): they count only when no verb says more. */
    public void add(Stage stage, List<String> forms, List<String> upcomingForms, List<String> mentions) {
        add(stage, forms, upcomingForms, mentions, List.of());
    }

    /** ... and forms that recall it as background ("the treaty signed in January": الموقعة, الموقع عليها). */
    public void add(Stage stage, List<String> forms, List<String> upcomingForms, List<String> mentions, List<String> pastForms) {
        stagesById.put(stage.id(), stage);
        for (String f : forms) addStageForm(new StageForm(stage, Tense.DONE), f);
        for (String f : upcomingForms) addStageForm(new StageForm(stage, Tense.UPCOMING), f);
        for (String f : mentions) addStageForm(new StageForm(stage, Tense.UNMARKED), f);
        for (String f : pastForms) addStageForm(new StageForm(stage, Tense.PAST), f);
    }

    /** A form written "A … B" is A, then B within {@link #SPLIT_GAP} tokens (تدخل معاهدة الشراكة ... حيز التنفيذ). */
    static final String SPLIT = "…";
    static final int SPLIT_GAP = 10;

    private record SplitForm(StageForm form, String head, String tail) {}

    private final List<SplitForm> splitForms = new ArrayList<>();
    private final PhraseMatcher<Integer> splitHeads = new PhraseMatcher<>();
    private final PhraseMatcher<Integer> splitTails = new PhraseMatcher<>();

    private void addStageForm(StageForm form, String text) {
        int at = text.indexOf(SPLIT);
        if (at < 0) {
            stages.add(form, text);
            return;
        }
        String head = text.substring(0, at).strip(), tail = text.substring(at + SPLIT.length()).strip();
        if (head.isEmpty() || tail.isEmpty()) throw new IllegalArgumentException("a split form needs words on both sides of …: " + text);
        splitHeads.add(splitForms.size(), head);
        splitTails.add(splitForms.size(), tail);
        splitForms.add(new SplitForm(form, head, tail));
    }

    /** Split forms found: each head with the nearest matching tail after it, as one form over both. */
    private List<PhraseMatcher.Match<StageForm>> splitIn(List<String> tokens) {
        if (splitForms.isEmpty()) return List.of();
        List<PhraseMatcher.Match<Integer>> tails = splitTails.find(tokens);
        List<PhraseMatcher.Match<StageForm>> out = new ArrayList<>();
        for (PhraseMatcher.Match<Integer> h : splitHeads.find(tokens)) {
            for (PhraseMatcher.Match<Integer> t : tails) {
                if (!t.label().equals(h.label()) || t.start() < h.end() || t.start() - h.end() > SPLIT_GAP) continue;
                SplitForm f = splitForms.get(h.label());
                out.add(new PhraseMatcher.Match<>(f.form(), h.phrase() + " " + SPLIT + " " + t.phrase(), h.start(), t.end()));
                break;
            }
        }
        return out;
    }

    /** Arrivals: done forms of a visit that count only where the sentence names where to. */
    public void addArrivals(Stage stage, List<String> forms) {
        for (String f : forms) stages.add(new StageForm(stage, Tense.DONE, true), f);
    }

    private final PhraseMatcher<Cue> cues = new PhraseMatcher<>();
    private final Map<String, String> seats = new java.util.HashMap<>();

    public void addCues(Cue cue, List<String> words) {
        if (cue == Cue.GENTILIC_ENDING) {
            // endings, not words: kept apart from the phrases a sentence is searched for
            for (String w : words) gentilicEndings.add(org.treatywatch.text.Normalizer.forMatching(w.strip()));
            return;
        }
        for (String w : words) cues.add(cue, w);
    }

    private final List<String> gentilicEndings = new ArrayList<>();

    /** Whether a topic form is a gentilic adjective (האיראנית, الإيرانية), by the endings gazetteer.yaml lists. */
    public boolean gentilic(String form) {
        String f = org.treatywatch.text.Normalizer.forMatching(form.strip());
        if (f.contains(" ")) return false;
        for (String e : gentilicEndings) if (f.length() > e.length() + 2 && f.endsWith(e)) return true;
        return false;
    }

    /** The reading cues in a sentence's tokens, in token order. */
    public List<PhraseMatcher.Match<Cue>> cuesIn(List<String> tokens) {
        return cues.find(tokens);
    }

    /** People, places, bodies and projects in a sentence's tokens, in token order. */
    public List<PhraseMatcher.Match<Name>> namesIn(List<String> tokens) {
        return names.find(tokens);
    }

    public void addUpcomingMarkers(List<String> markers) {
        for (String m : markers) upcomingMarkers.add(Boolean.TRUE, m);
    }

    public Optional<Name> name(String id) {
        return Optional.ofNullable(namesById.get(id));
    }

    public Optional<Stage> stage(String id) {
        return Optional.ofNullable(stagesById.get(id));
    }

    /**
     * Places where something happens in the text: a place named after "in" or "to" (במוסקבה,
     * לטהרן, في موسكو, إلى طهران, in Moscow), not one standing for its government ("the agreement
     * with Tehran", "the Kremlin said"). In order of first mention, each once.
     */
    public List<Name> placesIn(String text) {
        List<Name> out = new ArrayList<>();
        for (String sentence : org.treatywatch.text.Sentences.split(text)) {
            List<String> tokens = org.treatywatch.text.Tokenizer.normalizedTokens(sentence);
            for (PhraseMatcher.Match<Name> m : names.find(tokens)) {
                if (m.label().kind() == Kind.PLACE && locative(tokens, m) && !out.contains(m.label())) out.add(m.label());
            }
        }
        return out;
    }

    /** Words before a place that make it where something happens (في, إلى, in, to, visited); from gazetteer.yaml. */
    private final java.util.Set<String> locativeWords = new java.util.HashSet<>();
    /** Words that make the next places a pair of governments ("between Moscow and Tehran"); from gazetteer.yaml. */
    private final java.util.Set<String> betweenWords = new java.util.HashSet<>();

    public void addLocativeWords(List<String> words) {
        for (String w : words) locativeWords.add(org.treatywatch.text.Normalizer.forMatching(w.strip()));
    }

    static final int MAX_APPOSITION = 3;

    /** "the capital", "the city", "the port" between "in" and a place's name (في العاصمة موسكو, בבירה טהרן). */
    private final java.util.Set<String> appositionWords = new java.util.HashSet<>();

    public void addAppositionWords(List<String> words) {
        for (String w : words) appositionWords.add(org.treatywatch.text.Normalizer.forMatching(w.strip()));
    }

    public void addBetweenWords(List<String> words) {
        for (String w : words) betweenWords.add(org.treatywatch.text.Normalizer.forMatching(w.strip()));
    }

    /** Whether a name stands where something happens ("in Moscow", لطهران), not for its government. */
    public boolean locative(List<String> tokens, PhraseMatcher.Match<Name> m) {
        return locative(tokens, m.start(), m.phrase());
    }

    /** The same for any word at {@code start} whose form is {@code phrase} (a country the lexicon knows, not the gazetteer). */
    public boolean locative(List<String> tokens, int start, String phrase) {
        for (int k = Math.max(0, start - 3); k < start; k++) if (betweenWords.contains(tokens.get(k))) return false;
        int first = start;
        while (first > 0 && start - first < MAX_APPOSITION && appositionWords.contains(tokens.get(first - 1))) first--;
        if (first < start) {
            // "in the Russian capital, Moscow": the words before the name stand where the place would, and are read as it would be
            return first > 0 && locativeWords.contains(tokens.get(first - 1)) || locativePrefix(tokens.get(first), 1);
        }
        String token = tokens.get(start);
        List<String> forms = org.treatywatch.text.Tokenizer.normalizedTokens(phrase);
        if (forms.isEmpty()) return false;
        String form = forms.get(0);
        int at = token.indexOf(form);
        if (at > 0) {
            // a proclitic meaning "in" or "to": Hebrew ב/ל anywhere in the chain (ובמוסקבה), Arabic ب/ل before the article
            String prefix = token.substring(0, at);
            if (prefix.indexOf('ב') >= 0 || prefix.indexOf('ל') >= 0) return true;
            String bare = prefix.endsWith("ال") ? prefix.substring(0, prefix.length() - 2) : prefix;
            if (bare.endsWith("ب") || bare.endsWith("ل")) return true;
        }
        return start > 0 && locativeWords.contains(tokens.get(start - 1));
    }

    // בבירה, לעיר, بالعاصمة, بمدينة: the apposition word itself carries the "in"/"to" proclitic (after an optional "and")
    private static boolean locativePrefix(String token, int minRest) {
        String t = token.startsWith("ו") || token.startsWith("و") ? token.substring(1) : token;
        if (t.length() <= minRest) return false;
        char c = t.charAt(0);
        return c == 'ב' || c == 'ל' || c == 'ب' || c == 'ل';
    }

    /** People and places named in the text, in order of first mention, each once. */
    public List<Name> namesIn(String text) {
        List<Name> out = new ArrayList<>();
        for (PhraseMatcher.Match<Name> m : names.find(text)) if (!out.contains(m.label())) out.add(m.label());
        return out;
    }

    /**
     * The stage forms of a sentence with the tense each is written in: an upcoming form, a done verb
     * with the future prefix (سيوقع) or shortly after an upcoming marker (צפוי, من المتوقع) is upcoming.
     * A form inside a longer one ("shortly before the signing") counts as the longer one only.
     */
    public List<StageMatch> stagesIn(List<String> tokens) {
        List<PhraseMatcher.Match<Boolean>> markers = upcomingMarkers.find(tokens);
        List<PhraseMatcher.Match<StageForm>> found = new ArrayList<>(stages.find(tokens));
        found.addAll(splitIn(tokens));
        found.sort(java.util.Comparator.comparingInt(PhraseMatcher.Match::start));
        List<StageMatch> out = new ArrayList<>();
        for (PhraseMatcher.Match<StageForm> m : found) {
            if (insideLonger(m, found)) continue;
            Tense tense = m.label().tense();
            if (tense != Tense.PAST && (futurePrefix(tokens.get(m.start()), m.phrase())
                    || markers.stream().anyMatch(k -> k.end() <= m.start() && m.start() - k.end() < MARKER_REACH
                        // "ahead of the signing ceremony.. talks": the marker governs the nearer stage word only
                        && found.stream().noneMatch(o -> o != m && !insideLonger(o, found) && o.start() >= k.start() && o.end() <= m.start())))) {
                tense = Tense.UPCOMING;
            }
            out.add(new StageMatch(m.label().stage(), tense, m.phrase(), m.start(), m.end(), m.label().arrival()));
        }
        return out;
    }

    // An upcoming phrase such as "shortly before the signing" (listed in gazetteer.yaml) is one form:
    // the signing noun inside it is not a signing.
    private static <T> boolean insideLonger(PhraseMatcher.Match<T> m, List<PhraseMatcher.Match<T>> all) {
        for (PhraseMatcher.Match<T> o : all) {
            if (o != m && o.start() <= m.start() && o.end() >= m.end() && o.end() - o.start() > m.end() - m.start()) return true;
            // the same words read two ways: the form written with its clitics (للبحث, "to discuss") is the reading,
            // not the bare verb found inside it (بحث, "discussed")
            if (o != m && o.start() == m.start() && o.end() == m.end() && o.phrase().length() > m.phrase().length()) return true;
        }
        return false;
    }

    // Arabic marks the future with a prefixed س (سيوقع, وستصادق): the listed form is the bare verb.
    private static boolean futurePrefix(String token, String phrase) {
        String bare = org.treatywatch.text.Normalizer.forMatching(phrase.split("\\s+")[0]);
        int at = token.indexOf(bare);
        if (at <= 0 || bare.startsWith("س")) return false;
        String prefix = token.substring(0, at);
        return prefix.equals("س") || prefix.equals("وس") || prefix.equals("فس");
    }

    public static Gazetteer empty() {
        return new Gazetteer();
    }
}
