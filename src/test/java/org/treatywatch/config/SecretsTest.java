package org.treatywatch.config;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import org.treatywatch.cli.Cli;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The bot token never leaves the process, whatever its length and wherever it is echoed. */
class SecretsTest {
    @Test
    void shortAndLongTokensAndRegisteredSecretsAreMasked() {
        assertThat(Secrets.mask("update 5001 failed: POST /bot123456:SECRETSECRET/sendmessage"))
                .isEqualTo("update 5001 failed: POST /bot***/sendmessage");
        assertThat(Secrets.mask("cannot route /bot123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw/getme")).doesNotContain("AAHdq");
        Secrets.register("weird-secret-without-digits");
        assertThat(Secrets.mask("x weird-secret-without-digits y")).isEqualTo("x *** y");
        assertThat(Secrets.mask("2026-11-30 03:34:33 poll of 127.0.0.1:8080 took 12 ms")).isEqualTo("2026-11-30 03:34:33 poll of 127.0.0.1:8080 took 12 ms");
    }

    @Test
    void databasePasswordsAndTheTokensSecretHalfAloneAreMasked() {
        assertThat(Secrets.mask("config db=jdbc:postgresql://db:5432/tw?user=tw&password=Pg-s3cret&ssl=true"))
                .doesNotContain("Pg-s3cret").contains("password=***").contains("ssl=true");
        assertThat(Secrets.mask("cannot open database jdbc:h2:file:./data/tw;USER=sa;PASSWORD=h2pass;MODE=x")).doesNotContain("h2pass");
        assertThat(Secrets.mask("connect postgres://tw:userinfo-pass@db.example:5432/tw failed"))
                .isEqualTo("connect postgres://tw:***@db.example:5432/tw failed");
        Secrets.register("777111:HalfSecretPartOnly");
        assertThat(Secrets.mask("rejected secret HalfSecretPartOnly")).doesNotContain("HalfSecretPartOnly");
        AppConfig c = AppConfig.fromEnv(java.util.Map.of("TELEGRAM_BOT_TOKEN", "123456:ABCDEFGHIJKLMNOP",
                "TREATYWATCH_DB", "jdbc:postgresql://db/tw?user=tw&password=Pg-s3cret"));
        assertThat(c.toString()).doesNotContain("Pg-s3cret").contains("db=jdbc:postgresql://db/tw?user=tw&password=***");
        assertThat(Secrets.mask("poll of http://127.0.0.1:8080/feed@2 took 3 ms")).isEqualTo("poll of http://127.0.0.1:8080/feed@2 took 3 ms");
    }

    @Test
    void theLogLayoutMasksMessagesAndExceptions() {
        MaskingConverter c = new MaskingConverter();
        LoggingEvent e = new LoggingEvent("x", new LoggerContext().getLogger("x"), Level.ERROR, "failed: /bot123456:SECRETSECRET/getme", null, null);
        assertThat(c.transform(e, e.getFormattedMessage())).doesNotContain("SECRETSECRET");
        AppConfig.fromEnv(java.util.Map.of("TELEGRAM_BOT_TOKEN", "42:x")); // registered, however short its shape
        assertThat(c.transform(e, "token 42:x in a line")).doesNotContain("42:x");
    }

    @Command(name = "boom")
    static final class Boom implements Callable<Integer> {
        @Override
        public Integer call() {
            throw new IllegalStateException("cannot start: cannot route /bot123456:SECRETSECRET/getme");
        }
    }

    @Test
    void commandErrorsOnStderrAreMasked() {
        CommandLine cl = Cli.commandLine().addSubcommand("boom", new Boom());
        StringWriter err = new StringWriter();
        cl.setErr(new PrintWriter(err));
        int code = cl.execute("boom");
        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("error: cannot start").doesNotContain("SECRETSECRET");
    }
}
