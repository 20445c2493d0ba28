package com.boothdesk.app.hardware;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.boothdesk.app.domain.lane.LanePhase;
import com.boothdesk.app.domain.lane.LaneState;
import com.boothdesk.app.domain.lane.TestHooks;
import com.boothdesk.app.testing.BoothChild;
import com.boothdesk.app.testing.RunningBooth;
import com.boothdesk.devices.sim.CameraPushResult;
import com.boothdesk.devices.sim.SimulatedZhenshiCamera;

/**
 * Durable before acknowledged: a booth in a child JVM is held (test hook) after it answered the camera and before it
 * wrote the entry's order, then killed with SIGKILL. Started again on the same data folder, the lane shows the read
 * to the attendant; nothing was decided behind anybody's back.
 */
class CameraIntakeCrashTest {

    @TempDir
    Path data;

    @Test
    void aReadAnsweredBeforeAKillIsShownAfterTheRestart() throws Exception {
        pushAndKillAt(TestHooks.BEFORE_ORDER_WRITE, "京A12345");

        try (RunningBooth booth = RunningBooth.start(data)) {
            assertThat(booth.app.orders().findInLot("京A12345")).as("the order was never written").isEmpty();
            await().atMost(RunningBooth.WAIT).until(() ->
                    booth.app.lane("A1").state().get().phase() == LanePhase.AWAITING_CONFIRMATION);
            LaneState shown = booth.app.lane("A1").state().get();
            assertThat(shown.messageKey()).isEqualTo("lane.recovered");
            assertThat(shown.lastRead().plate()).isEqualTo("京A12345");

            booth.app.lane("A1").confirm().get(20, TimeUnit.SECONDS);
            assertThat(booth.app.orders().findInLot("京A12345")).isPresent();
        }
    }

    /**
     * Killed right after the stay (and its in_park) was committed: the read left the intake journal in that same
     * transaction, so the restart decides nothing again. One stay, one in_park at the cloud, nothing shown as
     * recovered (before the fix the read was re-decided: with the attendant's confirmation a second stay and a second
     * in_park, the first superseded).
     */
    @Test
    void aKillRightAfterTheStayIsWrittenDecidesNothingTwice() throws Exception {
        pushAndKillAt(TestHooks.AFTER_ORDER_WRITE, "京B23456");

        try (RunningBooth booth = RunningBooth.start(data)) {
            var lane = booth.app.lane("A1");
            // the start's recovery runs on the lane's worker: a second (empty) pass queued behind it waits for it
            lane.recoverPending().get(20, TimeUnit.SECONDS);
            assertThat(new com.boothdesk.app.store.JdbcIntakeJournal(booth.app.database()).pending("A1"))
                    .as("the read was settled with its stay").isEmpty();
            assertThat(lane.state().get().phase()).as("nothing is shown as recovered")
                    .isNotEqualTo(LanePhase.AWAITING_CONFIRMATION);
            assertThat(booth.app.orders().findInLot("京B23456")).isPresent();
            assertThat(staysOf(booth, "京B23456")).as("one stay, none superseded").isEqualTo(1);

            await().atMost(RunningBooth.WAIT).until(() -> booth.app.outbox().countUndelivered() == 0
                    && !inParks(booth, "京B23456").isEmpty());
            assertThat(inParks(booth, "京B23456")).as("one in_park at the cloud").hasSize(1);
        }
    }

    private static long staysOf(RunningBooth booth, String plate) {
        return booth.app.database().read(c -> {
            try (var ps = c.prepareStatement("SELECT COUNT(*) FROM parking_order WHERE plate = ?")) {
                ps.setString(1, plate);
                try (var rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
    }

    private static java.util.List<com.boothdesk.sdk.sim.ReceivedUplink> inParks(RunningBooth booth, String plate) {
        return booth.cloud().received("in_park").stream()
                .filter(u -> plate.equals(u.data().path("car_number").asText())).toList();
    }

    /** A booth in a child JVM held at {@code hold}; one push of {@code plate}, answered; then SIGKILL. */
    private void pushAndKillAt(String hold, String plate) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dboothdesk.testhook.hold=" + hold, "-Xmx256m",
                "-cp", System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")),
                BoothChild.class.getName(), data.toString());
        pb.redirectErrorStream(true);
        Process child = pb.start();
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(child.getInputStream(),
                    StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    lines.add(line);
                }
            } catch (java.io.IOException e) {
                lines.add("EOF " + e);
            }
        }, "child-out");
        reader.setDaemon(true);
        reader.start();
        try {
            int port = Integer.parseInt(waitFor(lines, "PORT ").substring(5).trim());
            SimulatedZhenshiCamera camera = new SimulatedZhenshiCamera(URI.create("http://127.0.0.1:" + port + "/"),
                    "SIM-CAM-A1", "127.0.0.1", Clock.systemUTC());
            CameraPushResult answer = camera.push(plate);
            assertThat(answer.ok()).as("the camera was answered").isTrue();
            waitFor(lines, "TESTHOOK held at " + hold);
        } finally {
            // the booth's socat children outlive a SIGKILL (no hook runs): the test removes them itself
            java.util.List<ProcessHandle> socats = child.descendants().toList();
            child.destroyForcibly(); // SIGKILL: no shutdown hook, no flush
            assertThat(child.waitFor(20, TimeUnit.SECONDS)).isTrue();
            socats.forEach(ProcessHandle::destroyForcibly);
        }
    }

    private static String waitFor(BlockingQueue<String> lines, String prefix) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            String line = lines.poll(1, TimeUnit.SECONDS);
            if (line != null && line.startsWith(prefix)) {
                return line;
            }
        }
        throw new AssertionError("the child never printed '" + prefix + "'");
    }
}
