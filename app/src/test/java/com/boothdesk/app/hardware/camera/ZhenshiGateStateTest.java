package com.boothdesk.app.hardware.camera;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.boothdesk.app.domain.gate.GateOutcome;
import com.boothdesk.app.domain.lane.LanePhase;
import com.boothdesk.app.testing.RunningBooth;
import com.boothdesk.devices.sim.SimulatedZhenshiCamera;

/**
 * The Zhenshi camera's gate-state field (firmware v1.8.9; field INFERRED, see docs/cameras.md): the booth reads the
 * barrier position the camera reports, a camera-relay open at the exit is recorded as confirmed once the camera says
 * the barrier is open, and a barrier fault the camera reports shows on the lane's devices.
 */
class ZhenshiGateStateTest {

    @TempDir
    Path data;

    private RunningBooth booth;

    @AfterEach
    void stop() {
        if (booth != null) {
            booth.close();
        }
    }

    @Test
    void theExitOpenIsConfirmedByTheCamerasGateStateAndAFaultShowsOnTheLane() throws Exception {
        booth = RunningBooth.start(data, "lane.B1.gate", "camera");
        SimulatedZhenshiCamera entry = booth.camera("SIM-CAM-A1");
        SimulatedZhenshiCamera exit = booth.camera("SIM-CAM-B1").reportingGateState();
        assertThat(exit.heartbeat().ok()).isTrue();
        assertThat(booth.app.cameraModule().plateSource().gateState("SIM-CAM-B1")).isEqualTo(com.boothdesk.devices.gate.GateState.CLOSED);

        entry.push("京A12345");
        await().atMost(RunningBooth.WAIT).until(() -> booth.app.orders().findInLot("京A12345").isPresent());
        booth.clock.advance(Duration.ofHours(2));
        exit.push("京A12345");
        await().atMost(RunningBooth.WAIT).until(() -> booth.app.lane("B1").state().get().phase()
                == LanePhase.AWAITING_PAYMENT);
        var settled = booth.app.lane("B1").settleCash(booth.app.lane("B1").state().get().quote().totalFen());
        // the open rides the answer to a heartbeat; the camera reports "open" on its next call
        await().atMost(RunningBooth.WAIT).until(() -> {
            exit.heartbeat();
            return booth.app.gateEvents().recent(5).stream().anyMatch(g -> g.laneId().equals("B1"));
        });
        settled.join();
        var open = booth.app.gateEvents().recent(5).stream().filter(g -> g.laneId().equals("B1")).findFirst()
                .orElseThrow();
        assertThat(open.outcome().result()).isEqualTo(GateOutcome.Result.CONFIRMED);
        assertThat(open.outcome().detail()).contains("reports the barrier open");
        assertThat(booth.app.cameraModule().plateSource().gateState("SIM-CAM-B1")).isEqualTo(com.boothdesk.devices.gate.GateState.OPEN);

        // the lane's devices carry the position the camera reports (the lane screen shows it)
        await().atMost(RunningBooth.WAIT).untilAsserted(() ->
                assertThat(booth.app.status().get().devices().get("B1").barrier()).isEqualTo("OPEN"));

        exit.carPassed();
        exit.heartbeat();
        assertThat(booth.app.cameraModule().plateSource().gateState("SIM-CAM-B1"))
                .isEqualTo(com.boothdesk.devices.gate.GateState.CLOSED);
        await().atMost(RunningBooth.WAIT).untilAsserted(() ->
                assertThat(booth.app.status().get().devices().get("B1").barrier()).isEqualTo("CLOSED"));
        exit.barrierFault();
        exit.heartbeat();
        await().atMost(RunningBooth.WAIT).untilAsserted(() -> {
            assertThat(booth.app.status().get().devices().get("B1").gate()).isEqualTo("DEGRADED");
            assertThat(booth.app.status().get().devices().get("B1").barrier()).isEqualTo("FAULT");
        });
        // a camera without the field: nothing changes for its lane
        assertThat(booth.app.status().get().devices().get("A1").gate()).isNotEqualTo("DEGRADED");
        assertThat(booth.app.status().get().devices().get("A1").barrier()).isEqualTo("UNKNOWN");
    }
}
