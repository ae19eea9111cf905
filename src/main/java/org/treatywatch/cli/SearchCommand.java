package org.treatywatch.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.treatywatch.service.Pipeline;
import org.treatywatch.config.AppConfig;
import org.treatywatch.config.FeedsFile;
import org.treatywatch.search.ArchiveIndex;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** The archive search from the shell: the same index and ranking as /search. */
@Command(name = "search", mixinStandardHelpOptions = true,
        description = "Search every relevant item and story stored (words read like the detector reads them: clitics, "
                + "Persian letters, name variants), best and newest first, five a page.")
final class SearchCommand implements Callable<Integer> {
    @Mixin
    ConfigOptions options;

    @Parameters(arity = "1..*", paramLabel = "WORD")
    List<String> words;

    @Option(names = "--page", defaultValue = "1")
    int page;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        AppConfig config = options.resolve();
        try (Pipeline p = new Pipeline(config, FeedsFile.load(config.feedsPath()))) {
            ArchiveIndex.Page r = p.archive().page(String.join(" ", words), page);
            int pages = r.pages();
            out.printf("%d results%s%n", r.total(), r.total() == 0 ? "" : ", page " + r.page() + " of " + pages);
            for (ArchiveIndex.Hit h : r.hits()) {
                out.printf("%s  %-16s %s%n    %s%n    %s%n", h.date().map(Object::toString).orElse(h.seen().toString().substring(0, 10)),
                        h.stage().orElse("-"), String.join(", ", h.outlets()), h.title(), h.url());
            }
        }
        out.flush();
        return 0;
    }
}
