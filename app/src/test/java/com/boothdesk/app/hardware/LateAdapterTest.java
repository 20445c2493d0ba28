package com.boothdesk.app.hardware;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.boothdesk.app.domain.lane.LanePhase;
import com.boothdesk.app.testing.RunningBooth;
import com.boothdesk.devices.card.CardFrame;
import com.boothdesk.devices.card.CardFrames;
import com.boothdesk.devices.serial.JSerialCommLink;
import com.boothdesk.devices.serial.SerialSettings;
import com.boothdesk.devices.sim.PtyPair;
import com.boothdesk.devices.sim.SimulatedLaneCard;

/**
 * The booth starts before the exit's USB-RS485 adapter is plugged in (a real port path, not {@code sim}): the lane
 * runs, the card shows offline, and once the port appears the card is connected by itself and the gate works.
 */
class LateAdapterTest {

    @TempDir
    Path data;

    @Test
    void aCardPluggedInAfterTheStartIsPickedUp() throws Exception {
        Path ports = data.resolve("ports");
        try (RunningBooth booth = RunningBooth.start(data, "lane.B1.card.port", ports.resolve("ttyA").toString(),
                "lane.B1.card.parity", "none")) {
            await().atMost(RunningBooth.WAIT).untilAsserted(() ->
                    assertThat(booth.app.status().get().devices().get("B1").card()).isEqualTo("OFFLINE"));

            try (PtyPair pty = PtyPair.open(ports);
                 SimulatedLaneCard card = new SimulatedLaneCard(new JSerialCommLink(
                         SerialSettings.of(pty.endB().toString())), 0)) {
                card.start();
                // the port appears: the booth opens it by itself (the card is "not heard yet" until it answers)
                await().atMost(RunningBooth.WAIT).untilAsserted(() ->
                        assertThat(booth.app.status().get().devices().get("B1").card()).isNotEqualTo("OFFLINE"));
                booth.enter("京L00007");
                booth.clock.advance(Duration.ofMinutes(3)); // free: the exit opens the gate by itself
                booth.camera("SIM-CAM-B1").push("京L00007");
                await().atMost(RunningBooth.WAIT).until(() -> booth.app.lane("B1").state().get().phase()
                        == LanePhase.RELEASED);
                byte[] gate = CardFrames.openGate(0).encode();
                await().atMost(RunningBooth.WAIT).until(() -> card.receivedFrames().stream().map(CardFrame::encode)
                        .anyMatch(b -> java.util.Arrays.equals(b, gate)));
                await().atMost(RunningBooth.WAIT).untilAsserted(() ->
                        assertThat(booth.app.status().get().devices().get("B1").card()).isEqualTo("CONNECTED"));
            }
        }
    }
}
