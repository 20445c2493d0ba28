package com.boothdesk.app.hardware;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.boothdesk.app.domain.gate.GateEvent;
import com.boothdesk.app.domain.gate.GateOutcome;
import com.boothdesk.app.domain.lane.LanePhase;
import com.boothdesk.app.testing.RunningBooth;
import com.boothdesk.devices.serial.JSerialCommLink;
import com.boothdesk.devices.serial.SerialSettings;
import com.boothdesk.devices.sim.PtyPair;
import com.boothdesk.devices.sim.SimulatedLaneCard;

/**
 * Truthful gate record: the entry lane's card sits on a real pty pair; the adapter is unplugged (the pty vanishes)
 * and a car arrives. The open never reaches the card, so no stay, no in_park and no confirmed OPEN are recorded; the
 * attendant sees that the barrier did not open, and the failed command is in the gate log.
 */
class SerialUnplugDuringEntryTest {

    @TempDir
    Path data;

    @Test
    void anEntryDuringAnUnplugRecordsNoPassage() throws Exception {
        Path ports = data.resolve("ports");
        PtyPair pty = PtyPair.open(ports);
        SimulatedLaneCard card = new SimulatedLaneCard(new JSerialCommLink(SerialSettings.of(pty.endB().toString())),
                0);
        card.start();
        try (RunningBooth booth = RunningBooth.start(data, "lane.A1.card.port", pty.endA().toString(),
                "lane.A1.card.parity", "none")) {
            booth.enter("京A10001"); // plugged in: the barrier opens and the stay is recorded
            assertThat(booth.app.gateEvents().recent(1).get(0).outcome().result())
                    .isEqualTo(GateOutcome.Result.CONFIRMED);

            // the driver ignores an open within 1 s of the previous one (wall clock): let that pass, so that what
            // fails below is the unplug and not the throttle
            java.time.Instant first = java.time.Instant.now();
            card.close();
            pty.close(); // the USB adapter is pulled out
            await().atMost(RunningBooth.WAIT).until(() -> java.time.Instant.now().isAfter(first.plusMillis(1100)));
            booth.camera("SIM-CAM-A1").push("京A10002");

            await().atMost(RunningBooth.WAIT).until(() ->
                    "lane.gate.failed".equals(booth.app.lane("A1").state().get().messageKey()));
            assertThat(booth.app.lane("A1").state().get().phase()).isEqualTo(LanePhase.AWAITING_CONFIRMATION);
            assertThat(booth.app.orders().findInLot("京A10002")).as("no stay, so no in_park").isEmpty();
            GateEvent last = booth.app.gateEvents().recent(1).get(0);
            assertThat(last.action()).isEqualTo(GateEvent.Action.OPEN);
            assertThat(last.outcome().moved()).as("recorded as not opened: " + last.outcome()).isFalse();
            assertThat(last.outcome().detail()).doesNotContain("THROTTLED");
        } finally {
            card.close();
            pty.close();
        }
    }
}
