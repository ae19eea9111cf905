package org.treatywatch.cli;

import java.util.concurrent.CountDownLatch;
import org.treatywatch.service.Service;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** Runs the bot until stopped: long polling, scheduler and sender. */
@Command(name = "run", mixinStandardHelpOptions = true, description = "Run the bot: Telegram long polling, feed scheduler and sender.")
final class RunCommand implements java.util.concurrent.Callable<Integer> {
    @Mixin
    ConfigOptions options;

    @Override
    public Integer call() throws InterruptedException {
        Service service = Service.start(options.resolve());
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            service.close();
            stopped.countDown();
        }, "shutdown"));
        stopped.await();
        return 0;
    }
}
