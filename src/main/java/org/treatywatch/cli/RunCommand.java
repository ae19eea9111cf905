package org.treatywatch.cli;

import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.treatywatch.service.Service;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import sun.misc.Signal;

/** Runs the bot until stopped: long polling, scheduler and sender. */
@Command(name = "run", mixinStandardHelpOptions = true, description = "Run the bot: Telegram long polling, feed scheduler and sender.")
final class RunCommand implements Callable<Integer> {
    @Mixin
    ConfigOptions options;

    /**
     * SIGTERM (systemd, docker) and SIGINT (Ctrl-C) are a requested stop: the service stops in order
     * and the process exits 0. Left to the JVM they would exit 143 / 130 and run the stop as one of
     * several shutdown hooks, H2's among them, which closed the database under the running parts.
     * Any other exit (System.exit after a database failure) still stops the service through the hook.
     */
    @Override
    public Integer call() throws InterruptedException {
        Service service = Service.start(options.resolve());
        CountDownLatch stopRequested = new CountDownLatch(1);
        Signal.handle(new Signal("TERM"), s -> stopRequested.countDown());
        Signal.handle(new Signal("INT"), s -> stopRequested.countDown());
        Runtime.getRuntime().addShutdownHook(new Thread(service::close, "shutdown"));
        stopRequested.await();
        service.close();
        return 0;
    }
}
