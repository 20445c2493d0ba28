package com.boothdesk.devices.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.boothdesk.devices.camera.CameraReply;
import com.boothdesk.devices.camera.ZhenshiPushServer;
import com.boothdesk.devices.card.CommandOutcome;
import com.boothdesk.devices.card.LaneCard;
import com.boothdesk.devices.sim.CardEvent;
import com.boothdesk.devices.sim.InMemorySerialPair;
import com.boothdesk.devices.sim.SimulatedLaneCard;
import com.boothdesk.devices.sim.SimulatedZhenshiCamera;
import com.boothdesk.devices.testutil.MutableClock;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Both gate routes behind the one interface, chosen as the configuration would. */
class GateControllerTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2025-11-25T09:00:00Z"));

    @Test
    void cardRelayRouteOpensClosesAndHolds() throws Exception {
        try (InMemorySerialPair line = new InMemorySerialPair("gate");
             SimulatedLaneCard sim = new SimulatedLaneCard(line.endB(), 0)) {
            sim.start();
            line.endA().open();
            try (LaneCard card = new LaneCard(line.endA(), 0, clock)) {
                GateController gate = Gates.create(GateRoute.CARD_RELAY, card, null, null, clock);
                assertThat(gate.route()).isEqualTo(GateRoute.CARD_RELAY);
                assertThat(gate.open().get(5, TimeUnit.SECONDS).status()).isEqualTo(CommandOutcome.Status.ACKED);
                assertThat(gate.keepOpen(true).get(5, TimeUnit.SECONDS).delivered()).isTrue();
                assertThat(gate.state()).isEqualTo(GateState.HELD_OPEN);
                assertThat(sim.gateHeldOpen()).isTrue();
                assertThat(gate.keepOpen(false).get(5, TimeUnit.SECONDS).delivered()).isTrue();
                assertThat(gate.close().get(5, TimeUnit.SECONDS).delivered()).isTrue();
                assertThat(gate.state()).isEqualTo(GateState.UNKNOWN);
                assertThat(sim.events()).containsExactly(new CardEvent.GateOpened(1), new CardEvent.GateOpened(255),
                        new CardEvent.GateClosed(), new CardEvent.GateClosed());
            }
        }
    }

    @Test
    void cameraRelayRouteGoesOutWithTheCamerasNextRequestOrIsDropped() throws Exception {
        try (ZhenshiPushServer server = new ZhenshiPushServer(new InetSocketAddress("127.0.0.1", 0), a -> true,
                e -> CameraReply.none(), clock)) {
            server.start();
            SimulatedZhenshiCamera cam = new SimulatedZhenshiCamera(URI.create("http://127.0.0.1:" + server.port()),
                    "SN-7", "10.1.1.7", clock);
            GateController gate = Gates.create(GateRoute.CAMERA_RELAY, null, server, "SN-7", clock);
            var open = gate.open();
            assertThat(gate.open().get().status()).isEqualTo(CommandOutcome.Status.THROTTLED);
            assertThat(cam.heartbeat().openGate()).isTrue();
            assertThat(open.get(5, TimeUnit.SECONDS).status()).isEqualTo(CommandOutcome.Status.SENT);

            clock.advance(Duration.ofSeconds(5));
            var late = gate.open();
            clock.advance(Duration.ofSeconds(3));
            assertThat(late.get(5, TimeUnit.SECONDS).status()).isEqualTo(CommandOutcome.Status.DROPPED_STALE);
            assertThat(cam.push("京A12345").openGate()).isFalse();

            assertThat(gate.close().get().status()).isEqualTo(CommandOutcome.Status.REJECTED);
            assertThat(gate.keepOpen(true).get().status()).isEqualTo(CommandOutcome.Status.REJECTED);
        }
    }

    @Test
    void misconfiguredRouteIsAClearError() {
        assertThatThrownBy(() -> Gates.create(GateRoute.CARD_RELAY, null, null, null, clock))
                .hasMessageContaining("serial port");
        assertThatThrownBy(() -> Gates.create(GateRoute.CAMERA_RELAY, null, null, "", clock))
                .hasMessageContaining("serial number");
    }
}
