package com.boothdesk.app.hardware;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.boothdesk.app.BoothApp;
import com.boothdesk.app.domain.lane.LanePhase;
import com.boothdesk.app.testing.MutableClock;
import com.boothdesk.app.testing.RunningBooth;
import com.boothdesk.devices.card.CardFrame;
import com.boothdesk.devices.card.CardFrames;
import com.boothdesk.devices.sim.CameraPushResult;
import com.boothdesk.devices.sim.SimulatedZhenshiCamera;

/**
 * A lane configured with {@code gate=camera} lifts its barrier through the camera's relay (the {@code "info":"ok"}
 * of the reply to the camera's push itself), not through the LED card; device health reaches the booth status.
 */
class CameraRelayGateTest {

    static final Duration WAIT = RunningBooth.WAIT;

    @TempDir
    Path data;
    RunningBooth booth;
    MutableClock clock;
    BoothApp app;
    SimulatedZhenshiCamera entryCam;
    SimulatedZhenshiCamera exitCam;

    @BeforeEach
    void start() {
        booth = RunningBooth.start(data, "lane.B1.gate", "camera");
        clock = booth.clock;
        app = booth.app;
        entryCam = booth.camera("SIM-CAM-A1");
        exitCam = booth.camera("SIM-CAM-B1");
    }

    @AfterEach
    void stop() {
        booth.close();
    }

    @Test
    void theExitBarrierOpensThroughTheCameraReply() {
        entryCam.push("京A12345");
        await().atMost(WAIT).until(() -> app.orders().findInLot("京A12345").isPresent());
        clock.advance(Duration.ofMinutes(5)); // inside the free minutes: released at once
        CameraPushResult reply = exitCam.push("京A12345");
        assertThat(reply.ok()).isTrue();
        assertThat(reply.openGate()).as("the open answers the push itself").isTrue();
        await().atMost(WAIT).until(() -> app.lane("B1").state().get().phase() == LanePhase.RELEASED);
        var open = app.gateEvents().recent(5).stream().filter(g -> g.laneId().equals("B1")).findFirst()
                .orElseThrow();
        assertThat(open.outcome().result()).isEqualTo(com.boothdesk.app.domain.gate.GateOutcome.Result.SENT);
        assertThat(exitCam.heartbeat().openGate()).as("nothing left over for the next request").isFalse();
        byte[] cardGate = CardFrames.openGate(0).encode();
        assertThat(app.hardware().simulatedCard("B1").orElseThrow().receivedFrames().stream()
                .map(CardFrame::encode).noneMatch(b -> java.util.Arrays.equals(b, cardGate))).isTrue();
        // the entry lane still uses its card relay
        await().atMost(WAIT).until(() -> app.hardware().simulatedCard("A1").orElseThrow().receivedFrames().stream()
                .map(CardFrame::encode).anyMatch(b -> java.util.Arrays.equals(b, cardGate)));

        await().atMost(WAIT).untilAsserted(() -> {
            var devices = app.status().get().devices();
            assertThat(devices.get("B1").camera()).isEqualTo("CONNECTED");
            assertThat(devices.get("A1").card()).isEqualTo("CONNECTED");
        });
    }
}
