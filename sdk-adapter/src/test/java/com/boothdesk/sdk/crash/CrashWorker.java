package com.boothdesk.sdk.crash;

import com.boothdesk.sdk.link.CloudCredentials;
import com.boothdesk.sdk.link.TcpCloudLink;
import com.boothdesk.sdk.link.TcpLinkSettings;
import com.boothdesk.sdk.outbox.DeliveryStatus;
import com.boothdesk.sdk.outbox.JdbcOutbox;
import com.boothdesk.sdk.outbox.OutboxDispatcher;
import com.boothdesk.sdk.outbox.RetryPolicy;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import com.boothdesk.sdk.testsupport.TestDb;

/**
 * The child process of {@link OutboxCrashTest}: drains an existing outbox against the simulator until everything is
 * acknowledged, printing DONE. The parent kills it with SIGKILL at random points.
 */
public final class CrashWorker {

    private CrashWorker() {
    }

    public static void main(String[] args) throws Exception {
        String url = args[0];
        int port = Integer.parseInt(args[1]);
        var ds = TestDb.pool(url);
        Clock clock = Clock.systemUTC();
        JdbcOutbox outbox = new JdbcOutbox(ds, clock);
        TcpCloudLink link = new TcpCloudLink(TcpLinkSettings.defaults("127.0.0.1", port)
                .withReconnect(Duration.ofMillis(20), Duration.ofMillis(200)),
                new CloudCredentials("200002", "21835", "crash-booth", OutboxCrashTest.SECRET), clock);
        OutboxDispatcher dispatcher = new OutboxDispatcher(outbox, link, clock,
                RetryPolicy.unlimited().withDelays(Duration.ofMillis(20), Duration.ofMillis(200)));
        CountDownLatch done = new CountDownLatch(1);
        var counts = outbox.countByStatus();
        AtomicLong open = new AtomicLong(counts.get(DeliveryStatus.PENDING) + counts.get(DeliveryStatus.SENT));
        dispatcher.addListener(e -> {
            if (e.status().isFinal() && open.decrementAndGet() == 0) {
                done.countDown();
            }
        });
        if (open.get() == 0) {
            done.countDown();
        }
        link.start();
        dispatcher.start();
        System.out.println("STARTED");
        done.await();
        dispatcher.close();
        link.close();
        System.out.println("DONE");
    }
}
