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
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dboothdesk.testhook.hold=" + TestHooks.BEFORE_ORDER_WRITE, "-Xmx256m",
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
            CameraPushResult answer = camera.push("京A12345");
            assertThat(answer.ok()).as("the camera was answered").isTrue();
            waitFor(lines, "TESTHOOK held at " + TestHooks.BEFORE_ORDER_WRITE);
        } finally {
            // the booth's socat children outlive a SIGKILL (no hook runs): the test removes them itself
            java.util.List<ProcessHandle> socats = child.descendants().toList();
            child.destroyForcibly(); // SIGKILL: no shutdown hook, no flush
            assertThat(child.waitFor(20, TimeUnit.SECONDS)).isTrue();
            socats.forEach(ProcessHandle::destroyForcibly);
        }

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
