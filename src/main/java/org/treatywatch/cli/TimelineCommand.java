package org.treatywatch.cli;

import java.util.concurrent.Callable;
import org.treatywatch.config.AppConfig;
import org.treatywatch.config.GazetteerFile;
import org.treatywatch.deliver.Templates;
import org.treatywatch.pipeline.Timeline;
import org.treatywatch.store.Db;
import org.treatywatch.store.StoryStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** The treaty's stories by date, as /timeline shows them. */
@Command(name = "timeline", mixinStandardHelpOptions = true, description = "Print the treaty's stories by date with stage, place and outlets.")
final class TimelineCommand implements Callable<Integer> {
    @Mixin
    ConfigOptions options;

    @Option(names = "--lang", defaultValue = "he", description = "he or ar")
    String lang;

    @Option(names = "--limit", defaultValue = "50")
    int limit;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        AppConfig config = options.resolve();
        if (!lang.equals("he") && !lang.equals("ar")) throw new IllegalArgumentException("--lang must be he or ar");
        try (Db db = Db.open(config.dbUrl())) {
            var gazetteer = GazetteerFile.load(config.templatesDir());
            String html = new Timeline(new StoryStore(db), () -> gazetteer, new Templates(config.templatesDir())).render(lang, limit);
            // the terminal gets text, not Telegram HTML: tags dropped and entities (&amp;) decoded by a real parser
            spec.commandLine().getOut().println(org.jsoup.parser.Parser.unescapeEntities(html.replaceAll("</?[a-z]+( [^>]*)?>", ""), false));
        }
        spec.commandLine().getOut().flush();
        return 0;
    }
}
