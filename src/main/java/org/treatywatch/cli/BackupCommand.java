package org.treatywatch.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.util.concurrent.Callable;
import org.treatywatch.config.AppConfig;
import org.treatywatch.store.Db;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * A consistent copy of the H2 database: {@code BACKUP TO} (a zip of the database file) or, with
 * --sql, {@code SCRIPT TO} (SQL that rebuilds it). The embedded database is locked by a running
 * service, so run this while it is stopped; PostgreSQL users use pg_dump.
 */
@Command(name = "backup", mixinStandardHelpOptions = true,
        description = "Write a consistent backup of the H2 database to FILE (zip; --sql for an SQL script). Stop the service first. "
                + "Restore: unzip into the database folder (zip), or `java -cp treatywatch.jar org.h2.tools.RunScript -url <db> -script FILE` (sql).")
final class BackupCommand implements Callable<Integer> {
    @Mixin
    ConfigOptions options;

    @Parameters(paramLabel = "FILE")
    Path file;

    @Option(names = "--sql", description = "write an SQL script instead of a zip")
    boolean sql;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        AppConfig config = options.resolve();
        if (!config.dbUrl().startsWith("jdbc:h2:")) {
            throw new IllegalArgumentException("backup is for the embedded H2 database; for PostgreSQL use pg_dump");
        }
        if (Files.exists(file)) throw new IllegalArgumentException(file + " exists; choose a new file name");
        try (Db db = Db.open(config.dbUrl())) {
            db.tx(c -> {
                try (PreparedStatement ps = c.prepareStatement((sql ? "SCRIPT TO ?" : "BACKUP TO ?"))) {
                    ps.setString(1, file.toAbsolutePath().toString());
                    ps.execute();
                }
                return null;
            });
        }
        spec.commandLine().getOut().println("backup written to " + file.toAbsolutePath() + " (" + Files.size(file) + " bytes)");
        spec.commandLine().getOut().flush();
        return 0;
    }
}
