package org.treatywatch.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.treatywatch.config.AppConfig;
import org.treatywatch.config.FeedsFile;
import org.treatywatch.deliver.AlertRenderer;
import org.treatywatch.deliver.Templates;
import org.treatywatch.extract.Article;
import org.treatywatch.extract.ArticleExtractor;
import org.treatywatch.feed.FeedItem;
import org.treatywatch.feed.Source;
import org.treatywatch.feed.Sources;
import org.treatywatch.fetch.Charsets;
import org.treatywatch.fetch.FetchResult;
import org.treatywatch.fetch.HttpFetcher;
import org.treatywatch.fetch.UrlGuard;
import org.treatywatch.pipeline.Analysis;
import org.treatywatch.pipeline.ArticleAnalyzer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * Shows what the pipeline sees in a page, a feed or a text: language, title, extracted text,
 * relevance with its evidence, and the alert as it would be rendered in Hebrew and Arabic.
 */
@Command(name = "inspect", mixinStandardHelpOptions = true,
        description = "Process pages (.html), feeds and news sitemaps (.xml), texts (.txt: first line is the title) or URLs and print "
                + "what the pipeline sees. A feed's or sitemap's items are analysed from it and listed under \"items\".")
final class InspectCommand implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Mixin
    ConfigOptions options;

    @Option(names = "--json", description = "one JSON object per input, one per line")
    boolean json;

    @Option(names = "--text", description = "inspect this text (first line is the title); repeatable")
    List<String> texts = new ArrayList<>();

    @Option(names = "--published", paramLabel = "YYYY-MM-DD",
            description = "publication date of --text inputs, for relative dates (\"today\", \"on Friday\")")
    java.time.LocalDate published;

    @Parameters(arity = "0..*", paramLabel = "FILE|URL")
    List<String> inputs = new ArrayList<>();

    @Spec
    CommandSpec spec;

    private ArticleAnalyzer analyzer;
    private AlertRenderer renderer;
    private HttpFetcher fetcher;

    @Override
    public Integer call() throws IOException {
        AppConfig config = options.resolve();
        FeedsFile.Loaded loaded = FeedsFile.load(config.feedsPath());
        loaded.errors().forEach(e -> spec.commandLine().getErr().println(e));
        // the same wiring as the service (no database: inspect stores nothing)
        analyzer = org.treatywatch.service.Pipeline.analyzer(config, loaded);
        renderer = org.treatywatch.service.Pipeline.renderer(config, new Templates(config.templatesDir()));
        fetcher = new HttpFetcher(new UrlGuard(config.allowPrivateFeeds()));
        PrintWriter out = spec.commandLine().getOut();
        if (inputs.isEmpty() && texts.isEmpty()) throw new IllegalArgumentException("give a FILE, a URL or --text TEXT");
        int errors = 0;
        for (String t : texts) print(out, inspectText(t, "text"));
        for (String in : inputs) {
            try {
                print(out, inspect(in));
            } catch (Exception e) {
                errors++;
                String message = org.treatywatch.config.Secrets.mask(String.valueOf(e.getMessage()));
                ObjectNode err = JSON.createObjectNode().put("source", org.treatywatch.config.Secrets.mask(in)).put("error", message);
                if (json) out.println(JSON.writeValueAsString(err));
                else spec.commandLine().getErr().println(org.treatywatch.config.Secrets.mask(in) + ": " + message);
            }
        }
        out.flush();
        return errors == 0 ? 0 : 1;
    }

    private ObjectNode inspect(String input) throws Exception {
        byte[] bytes;
        String contentType = null;
        String url = null;
        String lower = input.toLowerCase(Locale.ROOT);
        if (lower.startsWith("http://") || lower.startsWith("https://")) {
            FetchResult r = fetcher.fetch(input, null, null, false);
            bytes = r.body();
            contentType = r.contentType();
            url = r.finalUrl();
        } else {
            Path p = Path.of(input);
            if (!Files.isRegularFile(p)) throw new IOException("no such file");
            bytes = Files.readAllBytes(p);
        }
        String text = Charsets.decode(bytes, contentType);
        if (lower.endsWith(".txt")) return inspectText(text, input);
        // the same detection as /addfeed: a feed or a sitemap lists items; anything else is an article page
        Optional<Source> source = Sources.detect(text).filter(s -> !s.kind().equals("page"));
        if (source.isPresent()) return inspectFeed(source.get(), text, input, url);
        return report(input, ArticleExtractor.extract(text, url), url);
    }

    private ObjectNode inspectText(String text, String source) {
        Article a = ArticleExtractor.fromText(text, null);
        if (published != null) {
            a = new Article(a.title(), a.paragraphs(), Optional.of(published.atStartOfDay(java.time.ZoneOffset.UTC).toInstant()),
                    a.language(), a.canonicalUrl(), a.image());
        }
        return report(source, a, null);
    }

    /** The feed or sitemap as one object: its most relevant item on top, every item under "items". */
    private ObjectNode inspectFeed(Source kind, String xml, String source, String url) throws Exception {
        List<FeedItem> items = kind.items(xml, url == null ? "" : url, Optional.empty(), u -> {
            FetchResult more = fetcher.fetch(u, null, null, false);
            return Charsets.decode(more.body(), more.contentType());
        });
        ArrayNode all = JSON.createArrayNode();
        ObjectNode best = null;
        for (FeedItem i : items) {
            ObjectNode n = report(source, ArticleExtractor.fromText(i.title() + "\n" + i.summary(), i.url()), i.url());
            all.add(n);
            if (best == null || n.get("score").asDouble() > best.get("score").asDouble()) best = n;
        }
        ObjectNode top = best == null ? report(source, ArticleExtractor.fromText("", null), url) : best.deepCopy();
        top.put("source", source);
        top.set("items", all);
        return top;
    }

    private ObjectNode report(String source, Article article, String url) {
        Analysis a = analyzer.analyse(article, "inspect", url == null ? article.canonicalUrl() : url);
        ObjectNode n = JSON.createObjectNode();
        n.put("source", source);
        n.put("url", a.alert().url());
        n.put("language", article.language());
        n.put("title", article.title());
        n.put("published", article.published().map(Object::toString).orElse(null));
        n.put("text", article.text());
        n.put("relevant", a.relevance().relevant());
        n.put("score", a.relevance().score());
        ArrayNode ev = n.putArray("evidence");
        a.relevance().evidence().forEach(ev::add);
        ArrayNode concepts = n.putArray("concepts");
        a.relevance().concepts().forEach(c -> concepts.add(c.key()));
        n.put("summary", a.alert().summary());
        n.set("event", ReadingJson.event(a.alert().card()));
        n.set("frames", ReadingJson.frames(a.reading()));
        ObjectNode alert = n.putObject("alert");
        for (String lang : org.treatywatch.text.Language.READERS) alert.put(lang, renderer.render(a.alert(), lang));
        return n;
    }

    private void print(PrintWriter out, ObjectNode n) throws IOException {
        if (json) {
            out.println(JSON.writeValueAsString(n));
            return;
        }
        out.println("== " + n.get("source").asText());
        out.println("language: " + n.get("language").asText());
        out.println("title:    " + n.get("title").asText());
        out.printf("relevant: %s (score %.3f)%n", n.get("relevant").asBoolean(), n.get("score").asDouble());
        n.get("evidence").forEach(e -> out.println("evidence: " + e.asText()));
        out.println("text:");
        for (String line : n.get("text").asText().split("\n")) out.println("  " + line);
        out.println("---- alert (he) ----");
        out.println(n.get("alert").get("he").asText());
        out.println("---- alert (ar) ----");
        out.println(n.get("alert").get("ar").asText());
        if (n.has("items")) out.println("(" + n.get("items").size() + " items in the feed; use --json to see each)");
    }
}
