package org.treatywatch.cli;

import org.treatywatch.fetch.Version;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The top-level command and its subcommands. */
@Command(name = "treatywatch", mixinStandardHelpOptions = true, versionProvider = Cli.VersionProvider.class,
        description = "Watches Hebrew and Arabic news for the Russia–Iran treaty and alerts on Telegram.",
        subcommands = {RunCommand.class, PollCommand.class, InspectCommand.class, FeedsCommand.class, EvalCommand.class, BenchCommand.class, TimelineCommand.class, BackupCommand.class,
            SearchCommand.class})
public final class Cli implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new Cli());
        cl.setExecutionExceptionHandler((e, cmd, parsed) -> {
            cmd.getErr().println("error: " + org.treatywatch.config.Secrets.mask(String.valueOf(e.getMessage())));
            return 2;
        });
        return cl;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    static final class VersionProvider implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"treatywatch " + Version.get()};
        }
    }
}
