package com.boothdesk.sdk.crash;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.boothdesk.sdk.message.InPark;
import com.boothdesk.sdk.message.OutPark;
import com.boothdesk.sdk.message.PayType;
import com.boothdesk.sdk.outbox.DeliveryStatus;
import com.boothdesk.sdk.outbox.JdbcOutbox;
import com.boothdesk.sdk.sim.CloudSimSettings;
import com.boothdesk.sdk.sim.CloudSimulator;
import com.boothdesk.sdk.sim.ReceivedUplink;
import com.boothdesk.sdk.testsupport.TestDb;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * kill -9 at random points while 1,000 orders (an in_park and an out_park each) drain against the simulator; after
 * the restarts the simulator holds each uplink exactly once, and each order's in_park before its out_park.
 */
class OutboxCrashTest {

    static final String SECRET = "EA2D90FEEF1E9F8E";
    static final int ORDERS = 1000;
    static final int KILLS = 6;

    @TempDir
    Path dir;

    @Test
    void killNineWhileDrainingLosesAndDuplicatesNothing() throws Exception {
        DataSource ds = TestDb.migrated(dir);
        JdbcOutbox outbox = new JdbcOutbox(ds, Clock.systemUTC());
        try (Connection c = ds.getConnection()) {
            c.setAutoCommit(false);
            for (int i = 0; i < ORDERS; i++) {
                String id = "C" + i;
                outbox.enqueue(c, new InPark("京A" + (10000 + i), 1_700_000_000L + i, "小车", "自动识别", "u1", id, 5,
                        "A1").toJson(), id);
                outbox.enqueue(c, OutPark.builder().carNumber("京A" + (10000 + i)).inTimeEpochSec(1_700_000_000L + i)
                        .outTimeEpochSec(1_700_003_600L + i).uid("u1").carType("小车").cType("自动识别")
                        .payType(PayType.CASH).emptyPlot(5).totalFen(500 + i).orderId(id).amountReceivableFen(500 + i)
                        .outUid("u1").build().toJson(), id);
            }
            c.commit();
        }
        // the child opens the same file: release it here (H2 closes the file with the last connection)
        try (Connection c = ds.getConnection()) {
            c.createStatement().execute("SHUTDOWN");
        }

        Random random = new Random(20241125);
        int kills = 0;
        try (CloudSimulator sim = new CloudSimulator(CloudSimSettings.of("200002", "21835", SECRET)
                .withRequestsPer10s(0))) {
            sim.start();
            boolean finished = false;
            while (!finished) {
                int target = sim.received().size() + 50 + random.nextInt(400);
                Process p = startWorker(sim.port());
                AtomicBoolean done = new AtomicBoolean();
                Thread reader = pump(p, done);
                if (kills < KILLS) {
                    await().atMost(Duration.ofSeconds(60))
                            .until(() -> done.get() || sim.received().size() >= target || !p.isAlive());
                    if (!done.get() && p.isAlive()) {
                        p.destroyForcibly(); // SIGKILL
                        kills++;
                    }
                } else {
                    await().atMost(Duration.ofSeconds(120)).until(() -> done.get() || !p.isAlive());
                }
                p.waitFor();
                reader.join();
                finished = done.get();
                assertThat(finished || kills <= KILLS).as("worker exited without finishing").isTrue();
            }

            List<ReceivedUplink> got = sim.received();
            assertThat(got).hasSize(2 * ORDERS);
            Map<String, List<String>> perOrder = new HashMap<>();
            for (ReceivedUplink r : got) {
                perOrder.computeIfAbsent(r.data().path("order_id").asText(), k -> new ArrayList<>())
                        .add(r.serviceName());
            }
            assertThat(perOrder).hasSize(ORDERS);
            assertThat(perOrder.values()).allSatisfy(l -> assertThat(l).containsExactly("in_park", "out_park"));
            assertThat(kills).isEqualTo(KILLS);
        }
        DataSource again = TestDb.migrated(dir);
        assertThat(new JdbcOutbox(again, Clock.systemUTC()).countByStatus())
                .containsEntry(DeliveryStatus.ACKNOWLEDGED, 2L * ORDERS);
    }

    private Process startWorker(int port) throws Exception {
        String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "-cp", cp, CrashWorker.class.getName(), TestDb.url(dir), String.valueOf(port))
                .redirectErrorStream(true).start();
    }

    private static Thread pump(Process p, AtomicBoolean done) {
        Thread t = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(),
                    StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    if (line.equals("DONE")) {
                        done.set(true);
                    }
                }
            } catch (java.io.IOException e) {
                // the process was killed: its pipe closes
            }
        }, "crash-worker-output");
        t.setDaemon(true);
        t.start();
        return t;
    }
}
