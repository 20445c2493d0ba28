package com.boothdesk.devices.camera;

import static org.assertj.core.api.Assertions.assertThat;

import com.boothdesk.devices.card.CardFrames;
import com.boothdesk.devices.gate.GateState;
import com.boothdesk.devices.sim.CameraPushResult;
import com.boothdesk.devices.sim.SimulatedZhenshiCamera;
import com.boothdesk.devices.testutil.MutableClock;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Zhenshi HTTP push, golden payloads ({@code cameras/zhenshi/}) posted byte for byte over loopback HTTP: the live read
 * with its pictures, both no-plate forms ({@code "_无_"}, and plate type 0 with a placeholder license), the offline
 * re-push, the card's answer relayed as {@code SerialData}, the heartbeat with the gate state; and the reply in the
 * documented form ({@code info:"ok"}, {@code serialData[{serialChannel,data,dataLen}]}, {@code ContinuePushOffline}).
 */
class ZhenshiHttpGoldenTest {
    private static final String LIVE_SERIAL = "e2a1c9f0-2b3d4e5f";
    private static final String ENTRY_SERIAL = "e2a1c9f0-0a0b0c0d";
    private final MutableClock clock = new MutableClock(Instant.parse("2025-11-25T09:00:00Z"));
    private final List<PlateEvent> events = new CopyOnWriteArrayList<>();
    private final List<SerialPayload> relayed = new CopyOnWriteArrayList<>();
    private final byte[] gateFrame = CardFrames.openGate(0).encode();
    private ZhenshiPushServer server;
    private SimulatedZhenshiCamera cam;

    @BeforeEach
    void start() throws Exception {
        server = new ZhenshiPushServer(new InetSocketAddress("127.0.0.1", 0), a -> true, e -> {
            events.add(e);
            return CameraReply.open(List.of(new SerialPayload(0, gateFrame)));
        }, clock);
        server.start();
        server.onSerialReceived(LIVE_SERIAL, relayed::add);
        cam = new SimulatedZhenshiCamera(URI.create("http://127.0.0.1:" + server.port() + "/"), "unused", "127.0.0.1",
                clock);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private CameraPushResult post(String name) throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/cameras/zhenshi/" + name)) {
            return cam.postRaw(in.readAllBytes(), "application/json;charset=UTF-8");
        }
    }

    @Test
    void theLiveReadIsDecodedWithItsPicturesAndTheReplyHasTheDocumentedForm() throws Exception {
        CameraPushResult r = post("alarm_live.json");
        assertThat(r.status()).isEqualTo(200);
        String b64 = Base64.getEncoder().encodeToString(gateFrame);
        assertThat(r.body()).isEqualTo("{\"Response_AlarmInfoPlate\":{\"info\":\"ok\",\"serialData\":[{"
                + "\"serialChannel\":0,\"data\":\"" + b64 + "\",\"dataLen\":" + gateFrame.length + "}]}}");
        PlateEvent e = events.get(0);
        assertThat(e.plate()).isEqualTo("京A12345");
        assertThat(e.serialNo()).isEqualTo(LIVE_SERIAL);
        assertThat(e.deviceName()).isEqualTo("IVS-出口1");
        assertThat(e.ipAddr()).isEqualTo("192.168.1.100");
        assertThat(e.colorCode()).isEqualTo(1);
        assertThat(e.confidence()).isEqualTo(96);
        assertThat(e.plateId()).isEqualTo(1207);
        assertThat(e.plateType()).isEqualTo(1);
        assertThat(e.offline()).isFalse();
        assertThat(e.noPlate()).isFalse();
        assertThat(e.cameraTime()).isEqualTo(Instant.ofEpochSecond(1764061200, 250_000_000));
        assertThat(e.readAt()).as("a live read is timed by the booth").isEqualTo(clock.instant());
        assertThat(e.fullImage()).containsExactly(0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, 0x4A, 0x46, 0x49, 0x46, 0x00,
                0x01, 0xFF, 0xD9);
        assertThat(e.plateImage()).containsExactly(0xFF, 0xD8, 0xFF, 0xDB, 0x00, 0x04, 0x00, 0x00, 0xFF, 0xD9);
    }

    @Test
    void bothNoPlateFormsAreNoPlate() throws Exception {
        assertThat(post("alarm_noplate.json").status()).isEqualTo(200);
        assertThat(post("alarm_noplate_type0.json").status()).isEqualTo(200);
        assertThat(events).hasSize(2);
        assertThat(events.get(0).plate()).isEqualTo("_无_");
        assertThat(events.get(0).noPlate()).isTrue();
        assertThat(events.get(1).plate()).isEqualTo("*****");
        assertThat(events.get(1).plateType()).isZero();
        assertThat(events.get(1).noPlateByType()).isTrue();
        assertThat(events.get(1).noPlate()).isTrue();
        assertThat(events).extracting(PlateEvent::serialNo).containsOnly(ENTRY_SERIAL);
    }

    @Test
    void theOfflineRePushKeepsTheCamerasTimeAndIsAnsweredWithContinueWithoutAnOpen() throws Exception {
        CameraPushResult r = post("alarm_offline.json");
        assertThat(r.body()).isEqualTo("{\"Response_AlarmInfoPlate\":{\"ContinuePushOffline\":{\"plateid\":4321,"
                + "\"continue\":1}}}");
        PlateEvent e = events.get(0);
        assertThat(e.plate()).isEqualTo("粤B8888学");
        assertThat(e.offline()).isTrue();
        assertThat(e.colorCode()).isEqualTo(2);
        assertThat(e.readAt()).isEqualTo(Instant.ofEpochSecond(1764000000));
    }

    @Test
    void theCardsAnswerRelayedAsSerialDataReachesItsReceiverByteForByte() throws Exception {
        CameraPushResult r = post("serial_data.json");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body()).isEqualTo("{\"Response_AlarmInfoPlate\":{}}");
        assertThat(relayed).containsExactly(new SerialPayload(0, CardFrames.openGate(0).reply(0).encode()));
        assertThat(events).isEmpty();

        // bad SerialData: a clear 400, nothing relayed
        CameraPushResult bad = cam.postRaw(("{\"SerialData\":{\"serialno\":\"" + LIVE_SERIAL
                + "\",\"serialChannel\":0,\"data\":\"%%%\"}}").getBytes(), "application/json");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body()).contains("not base64");
        CameraPushResult channel = cam.postRaw(("{\"SerialData\":{\"serialno\":\"" + LIVE_SERIAL
                + "\",\"serialChannel\":7,\"data\":\"AA==\"}}").getBytes(), "application/json");
        assertThat(channel.status()).isEqualTo(400);
        byte[] big = new byte[ZhenshiPushServer.MAX_SERIAL_BYTES + 100];
        CameraPushResult tooLong = cam.postRaw(("{\"SerialData\":{\"serialno\":\"" + LIVE_SERIAL
                + "\",\"serialChannel\":0,\"data\":\"" + Base64.getEncoder().encodeToString(big) + "\"}}").getBytes(),
                "application/json");
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(relayed).hasSize(1);
    }

    @Test
    void theHeartbeatCarriesTheGateState() throws Exception {
        assertThat(post("heartbeat_gate.json").status()).isEqualTo(200);
        assertThat(server.gateState(LIVE_SERIAL)).isEqualTo(GateState.OPEN);
        assertThat(events).isEmpty();
    }
}
