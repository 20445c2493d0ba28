package com.boothdesk.app.hardware;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.boothdesk.app.testing.RunningBooth;
import com.boothdesk.devices.health.DeviceHealth;
import com.boothdesk.devices.sim.SimulatedZhenshiCamera;

/**
 * A camera is offline when its heartbeat stops, not when no car comes; cameras no lane is configured for are counted
 * and never shown or kept as lane cameras.
 */
class CameraHealthTest {

    @TempDir
    Path data;

    @Test
    void aBeatingCameraStaysOnlineWithoutCarsAndGoesOfflineWhenItStops() {
        try (RunningBooth booth = RunningBooth.start(data)) {
            CameraIntake intake = booth.app.cameraIntake();
            SimulatedZhenshiCamera exit = booth.camera("SIM-CAM-B1");
            assertThat(exit.heartbeat().ok()).isTrue();
            for (int i = 0; i < 6; i++) { // two minutes without a car, one heartbeat every 20 s
                booth.clock.advance(Duration.ofSeconds(20));
                exit.heartbeat();
                assertThat(intake.cameraHealth("SIM-CAM-B1")).isEqualTo(DeviceHealth.CONNECTED);
            }
            booth.clock.advance(Duration.ofSeconds(45)); // the heartbeat stopped
            assertThat(intake.cameraHealth("SIM-CAM-B1")).isEqualTo(DeviceHealth.OFFLINE);
        }
    }

    @Test
    void unknownCamerasAreCountedNotKept() {
        try (RunningBooth booth = RunningBooth.start(data)) {
            CameraIntake intake = booth.app.cameraIntake();
            for (int i = 0; i < 200; i++) {
                SimulatedZhenshiCamera stranger = booth.camera("STRANGER-" + i + "-" + "X".repeat(200))
                        .withoutImages();
                assertThat(stranger.push("京A12345").openGate()).isFalse();
                booth.clock.advance(Duration.ofSeconds(11)); // past the server's same-plate filter
            }
            assertThat(intake.unknownPushes()).isEqualTo(200);
            assertThat(intake.cameraHealth("STRANGER-1-" + "X".repeat(200))).isEqualTo(DeviceHealth.UNKNOWN);
            assertThat(booth.app.orders().inLot()).isEmpty();
            assertThat(booth.app.status().get().devices()).containsOnlyKeys("A1", "B1");
        }
    }
}
