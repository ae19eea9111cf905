package org.treatywatch.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.treatywatch.store.ItemStore;

/**
 * The archive of relevant items, searchable the way the detector reads (see {@link ReadingsAnalyzer}).
 * It follows the items table: {@link #catchUp} indexes what was stored after the last indexed item,
 * and the index remembers that id in its commit, so a restart continues where it stopped. Results are
 * stories (an item without a story stands alone), ranked by relevance weighed by recency.
 */
public final class ArchiveIndex implements AutoCloseable {
    public static final int PER_PAGE = 5;
    /** How many matching items are ranked; more pages than this holds are not offered. */
    static final int WINDOW = 200;
    static final int MAX_QUERY_WORDS = 12;
    private static final int BATCH = 2_000;
    private static final String LAST_ID = "last_item_id";

    /** One result: a story (or a lone item) with its best title and link and every outlet that reported it. */
    public record Hit(String title, String url, List<String> outlets, Optional<LocalDate> date, Optional<String> stage, Instant seen) {}

    /** A page of results; {@code total} counts every result in the ranked window. */
    public record Page(List<Hit> hits, int page, int total) {
        public boolean hasPrevious() {
            return page > 1;
        }

        public boolean hasNext() {
            return page * PER_PAGE < total;
        }

        public int pages() {
            return (total + PER_PAGE - 1) / PER_PAGE;
        }
    }

    private final Directory dir;
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private final Clock clock;
    private long lastId;
    /** Set by close: a catch-up stops after its current batch instead of indexing the whole backlog first. */
    private volatile boolean closing;

    private ArchiveIndex(Directory dir, Clock clock) throws IOException {
        this.dir = dir;
        this.clock = clock;
        this.writer = new IndexWriter(dir, new IndexWriterConfig(new ReadingsAnalyzer()).setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND));
        Map<String, String> data = new LinkedHashMap<>();
        writer.getLiveCommitData().forEach(e -> data.put(e.getKey(), e.getValue()));
        this.lastId = Long.parseLong(data.getOrDefault(LAST_ID, "0"));
        this.searchers = new SearcherManager(writer, null);
    }

    /** An index in this folder (kept across restarts), or in memory when there is none. */
    public static ArchiveIndex open(Optional<Path> folder, Clock clock) {
        try {
            return new ArchiveIndex(folder.isPresent() ? FSDirectory.open(folder.get()) : new ByteBuffersDirectory(), clock);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the search index: " + e.getMessage(), e);
        }
    }

    /** Indexes the relevant items stored since the last call; returns how many. */
    public synchronized int catchUp(ItemStore items) {
        int added = 0;
        try {
            for (List<ItemStore.Archived> batch; !closing && !(batch = items.archivedAfter(lastId, BATCH)).isEmpty(); ) {
                for (ItemStore.Archived a : batch) {
                    writer.addDocument(document(a));
                    lastId = a.id();
                }
                added += batch.size();
                writer.setLiveCommitData(Map.of(LAST_ID, String.valueOf(lastId)).entrySet());
                writer.commit();
            }
            if (added > 0) searchers.maybeRefresh();
        } catch (IOException e) {
            throw new UncheckedIOException("search index: " + e.getMessage(), e);
        }
        return added;
    }

    /** Adds items directly (benchmarks); they count as indexed. */
    public synchronized void add(List<ItemStore.Archived> archived) {
        try {
            for (ItemStore.Archived a : archived) writer.addDocument(document(a));
            writer.commit();
            searchers.maybeRefresh();
        } catch (IOException e) {
            throw new UncheckedIOException("search index: " + e.getMessage(), e);
        }
    }

    private static Document document(ItemStore.Archived a) {
        Document d = new Document();
        d.add(new StringField("group", a.storyId() != null ? "s" + a.storyId() : "i" + a.id(), Field.Store.YES));
        d.add(new TextField("text", nz(a.title()) + "\n" + nz(a.outlet()) + "\n" + nz(a.evidence()), Field.Store.NO));
        d.add(new StoredField("title", nz(a.title())));
        d.add(new StoredField("url", nz(a.url())));
        d.add(new StoredField("outlet", nz(a.outlet())));
        d.add(new StoredField("seen", a.seenAt() == null ? 0 : a.seenAt().toEpochMilli()));
        if (a.stage() != null) d.add(new StoredField("stage", a.stage()));
        if (a.eventDate() != null) d.add(new StoredField("date", a.eventDate().toString()));
        return d;
    }

    /** Results for the words, best first; page counts from 1. Every word must match (in any of its readings). */
    public Page search(String words, int page) {
        Query q = query(words);
        if (q == null) return new Page(List.of(), 1, 0);
        try {
            IndexSearcher s = searchers.acquire();
            try {
                ScoreDoc[] docs = s.search(q, WINDOW).scoreDocs;
                Map<String, Ranked> groups = new LinkedHashMap<>();
                Instant now = clock.instant();
                for (ScoreDoc sd : docs) {
                    Document d = s.storedFields().document(sd.doc);
                    Instant seen = Instant.ofEpochMilli(d.getField("seen").numericValue().longValue());
                    double score = sd.score * recency(now, seen);
                    Ranked r = groups.computeIfAbsent(d.get("group"), g -> new Ranked());
                    r.add(d, score, seen);
                }
                List<Ranked> ranked = new ArrayList<>(groups.values());
                ranked.sort((a, b) -> Double.compare(b.score, a.score));
                int p = Math.max(1, page);
                List<Hit> hits = new ArrayList<>();
                for (int i = (p - 1) * PER_PAGE; i < Math.min(ranked.size(), p * PER_PAGE); i++) hits.add(ranked.get(i).hit());
                return new Page(hits, p, ranked.size());
            } finally {
                searchers.release(s);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("search: " + e.getMessage(), e);
        }
    }

    /** All words required, each as any of its terms (itself, its readings, its name key). */
    static Query query(String words) {
        List<String> ws = ReadingsAnalyzer.words(words);
        if (ws.isEmpty()) return null;
        BooleanQuery.Builder all = new BooleanQuery.Builder();
        for (String w : ws.subList(0, Math.min(ws.size(), MAX_QUERY_WORDS))) {
            BooleanQuery.Builder any = new BooleanQuery.Builder();
            for (String t : new LinkedHashSet<>(ReadingsAnalyzer.terms(w))) any.add(new TermQuery(new Term("text", t)), BooleanClause.Occur.SHOULD);
            all.add(any.build(), BooleanClause.Occur.MUST);
        }
        return all.build();
    }

    // Half the weight is relevance alone; the other half fades with a month's half-life.
    static double recency(Instant now, Instant seen) {
        double days = Math.max(0, Duration.between(seen, now).toHours() / 24.0);
        return 0.5 + 0.5 * Math.pow(0.5, days / 30.0);
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    private static final class Ranked {
        double score = -1;
        String title;
        String url;
        Instant seen = Instant.EPOCH;
        Optional<String> stage = Optional.empty();
        Optional<LocalDate> date = Optional.empty();
        final Set<String> outlets = new LinkedHashSet<>();

        void add(Document d, double s, Instant when) {
            if (!d.get("outlet").isBlank()) outlets.add(d.get("outlet"));
            if (s > score) {
                score = s;
                title = d.get("title");
                url = d.get("url");
            }
            if (when.isAfter(seen)) seen = when;
            if (d.get("stage") != null) stage = Optional.of(d.get("stage"));
            if (d.get("date") != null) date = Optional.of(LocalDate.parse(d.get("date")));
        }

        Hit hit() {
            return new Hit(title, url, List.copyOf(outlets), date, stage, seen);
        }
    }

    @Override
    public void close() {
        closing = true;
        synchronized (this) { // after a running catch-up's batch, which still reads the database
            closeIndex();
        }
    }

    private void closeIndex() {
        try {
            searchers.close();
            writer.close();
            dir.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
