package com.boothdesk.devices.camera.common;

import static org.assertj.core.api.Assertions.assertThat;

import com.boothdesk.devices.camera.CameraReply;
import com.boothdesk.devices.camera.PlateSource;
import com.boothdesk.devices.camera.SerialPayload;
import com.boothdesk.devices.card.CommandOutcome;
import com.boothdesk.devices.gate.GateController;
import com.boothdesk.devices.gate.Gates;
import com.boothdesk.devices.gate.GateRoute;
import com.boothdesk.devices.health.HealthStatus;
import com.boothdesk.devices.testutil.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** The camera gate's throttle and refusals, and the hub's routing, against a recording camera (logic only). */
class CameraGateAndHubTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-25T00:00:00Z"));

    /** Records what it is asked; knows only OPEN and CLOSE. */
    static final class Recording extends AbstractLaneCamera {
        final List<String> calls = new ArrayList<>();

        Recording(String id, MutableClock clock) {
            super(id, e -> CameraReply.none(), clock, Duration.ofSeconds(30));
        }

        @Override
        public CameraKind kind() {
            return CameraKind.DAHUA;
        }

        @Override
        public Set<CameraCapability> capabilities() {
            return EnumSet.of(CameraCapability.CLOSE);
        }

        @Override
        public void start() {
        }

        @Override
        public CompletableFuture<CommandOutcome> barrier(BarrierCommand command) {
            calls.add(command.name());
            return CompletableFuture.completedFuture(CommandOutcome.of(CommandOutcome.Status.ACKED, "ok"));
        }

        @Override
        public CompletableFuture<CommandOutcome> deliver(CameraReply reply, Duration window) {
            calls.add("deliver open=" + reply.openGate());
            return CompletableFuture.completedFuture(CommandOutcome.of(CommandOutcome.Status.SENT, "ok"));
        }

        @Override
        public CompletableFuture<CommandOutcome> sendSerial(SerialPayload payload) {
            calls.add("serial " + payload.data().length);
            return CompletableFuture.completedFuture(CommandOutcome.of(CommandOutcome.Status.SENT, "ok"));
        }

        @Override
        public CompletableFuture<byte[]> snapshot() {
            return CompletableFuture.completedFuture(new byte[0]);
        }

        @Override
        public CompletableFuture<CommandOutcome> replaceWhiteList(List<WhiteListPlate> plates) {
            return LaneCamera.unsupported(this, "white list");
        }

        @Override
        public CompletableFuture<CommandOutcome> setClock(LocalDateTime localTime) {
            return LaneCamera.unsupported(this, "clock");
        }
    }

    /** The Zhenshi push server stand-in: records queued replies. */
    static final class Fallback implements PlateSource {
        final List<String> queued = new ArrayList<>();

        @Override
        public void start() {
        }

        @Override
        public CompletableFuture<CommandOutcome> queueForCamera(String serialNo, CameraReply reply, Duration window) {
            queued.add(serialNo + " open=" + reply.openGate() + " serial=" + reply.serialData().size());
            return CompletableFuture.completedFuture(CommandOutcome.of(CommandOutcome.Status.SENT, "queued"));
        }

        @Override
        public HealthStatus health() {
            return null;
        }

        @Override
        public void addHealthListener(Consumer<HealthStatus> listener) {
        }

        @Override
        public void close() {
        }
    }

    @Test
    void gateThrottlesRepeatedOpensAndRefusesWhatTheDeviceLacks() {
        Recording cam = new Recording("DH-1", clock);
        CameraGate gate = new CameraGate(cam, clock);
        assertThat(gate.open().join().status()).isEqualTo(CommandOutcome.Status.ACKED);
        assertThat(gate.open().join().status()).isEqualTo(CommandOutcome.Status.THROTTLED);
        clock.advance(Duration.ofMillis(1001));
        assertThat(gate.open().join().status()).isEqualTo(CommandOutcome.Status.ACKED);
        assertThat(gate.close().join().status()).isEqualTo(CommandOutcome.Status.ACKED);
        assertThat(gate.keepOpen(true).join().status()).isEqualTo(CommandOutcome.Status.REJECTED);
        assertThat(cam.calls).containsExactly("OPEN", "OPEN", "CLOSE");
        assertThat(gate.route()).isEqualTo(GateRoute.CAMERA_RELAY);
    }

    @Test
    void hubRoutesItsCamerasAndLeavesTheRestToThePushServer() throws Exception {
        Recording cam = new Recording("DH-1", clock);
        Fallback zhenshi = new Fallback();
        CameraHub hub = new CameraHub(zhenshi, clock).add(cam, 0).addReplyCardLine("ZS-1", 1, Duration.ofSeconds(5));
        hub.queueForCamera("DH-1", CameraReply.open(List.of()), Duration.ofSeconds(2)).join();
        hub.queueForCamera("SIM-CAM-A1", CameraReply.open(List.of()), Duration.ofSeconds(2)).join();
        assertThat(cam.calls).containsExactly("deliver open=true");
        assertThat(zhenshi.queued).containsExactly("SIM-CAM-A1 open=true serial=0");

        GateController g = Gates.create(GateRoute.CAMERA_RELAY, null, hub, "DH-1", clock);
        assertThat(g).isInstanceOf(CameraGate.class);
        assertThat(Gates.create(GateRoute.CAMERA_RELAY, null, hub, "SIM-CAM-A1", clock))
                .isNotInstanceOf(CameraGate.class);

        hub.cardLinkFor("DH-1").orElseThrow().write(new byte[] {1, 2, 3});
        assertThat(cam.calls).contains("serial 3");
        hub.cardLinkFor("ZS-1").orElseThrow().write(new byte[] {4});
        assertThat(zhenshi.queued).contains("ZS-1 open=false serial=1");
        assertThat(hub.cardLinkFor("SIM-CAM-A1")).isEmpty();
    }
}
