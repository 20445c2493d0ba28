package com.boothdesk.app.hardware.camera;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.boothdesk.app.domain.gate.GateOutcome;
import com.boothdesk.app.testing.RunningBooth;
import com.boothdesk.devices.camera.SerialPayload;
import com.boothdesk.devices.card.CardFrame;
import com.boothdesk.devices.card.CardFrames;
import com.boothdesk.devices.sim.InMemorySerialPair;
import com.boothdesk.devices.sim.SimulatedLaneCard;
import com.boothdesk.devices.sim.huaxia.SimulatedHuaxiaCamera;
import com.boothdesk.devices.sim.zhenshitcp.SimulatedZhenshiTcpCamera;

/**
 * {@code card.via=camera}: the lane's LED/voice/relay card hangs on the camera's RS485 port; the booth's
 * {@code 00 64 FF FF} frames travel through the camera (Zhenshi TCP pass-through, the Huaxia answer) and arrive
 * byte-exact at a simulated card on the camera's RS485 side.
 */
class CardBehindTheCameraTest {

    @TempDir
    Path data;

    private RunningBooth booth;
    private final Clock real = Clock.systemUTC();

    @AfterEach
    void stop() {
        if (booth != null) {
            booth.close();
        }
    }

    private static SimulatedLaneCard cardOn(InMemorySerialPair pair) throws Exception {
        SimulatedLaneCard card = new SimulatedLaneCard(pair.endB(), 0);
        card.start();
        pair.endA().open();
        return card;
    }

    @Test
    void zhenshiTcpCarriesTheScreenVoiceAndGateFramesToTheCard() throws Exception {
        try (SimulatedZhenshiTcpCamera a = new SimulatedZhenshiTcpCamera("ZT-A1", real);
             InMemorySerialPair rs485 = new InMemorySerialPair("zt-a1-rs485")) {
            SimulatedLaneCard card = cardOn(rs485);
            a.side().forwardRs485To(rs485.endA());
            booth = RunningBooth.start(data, "lane.A1.camera", "ZT-A1", "lane.A1.camera.kind", "zhenshi_tcp",
                    "lane.A1.camera.host", "127.0.0.1", "lane.A1.camera.port", String.valueOf(a.port()),
                    "lane.A1.card.via", "camera", "lane.A1.gate", "card");
            await().atMost(RunningBooth.WAIT).until(a::subscribed);
            a.drive("京A12345");
            await().atMost(RunningBooth.WAIT).until(() -> booth.app.orders().findInLot("京A12345").isPresent());

            byte[] gate = CardFrames.openGate(0).encode();
            await().atMost(RunningBooth.WAIT).until(() -> card.receivedFrames().stream()
                    .anyMatch(f -> Arrays.equals(f.encode(), gate)));
            await().atMost(RunningBooth.WAIT).until(() -> !card.lastVoice().isEmpty());
            // every byte the camera wrote to RS485 is one of the booth's frames, byte for byte
            await().atMost(RunningBooth.WAIT).untilAsserted(() -> {
                List<byte[]> written = a.side().rs485Received().stream().map(SerialPayload::data).toList();
                List<byte[]> decoded = card.receivedFrames().stream().map(CardFrame::encode).toList();
                assertThat(written).hasSameSizeAs(decoded);
                for (int i = 0; i < written.size(); i++) {
                    assertThat(written.get(i)).containsExactly(decoded.get(i));
                }
            });
            assertThat(card.discardedBytes()).isZero();
            // the barrier went up by the card's relay, not the camera's
            assertThat(a.side().opens()).isZero();
            // the card's ACKs came back through the camera's RS485 side byte for byte, and the booth read them:
            // the entry's barrier open is recorded as confirmed by the card, not merely sent
            await().atMost(RunningBooth.WAIT).untilAsserted(() -> {
                java.io.ByteArrayOutputStream expected = new java.io.ByteArrayOutputStream();
                card.receivedFrames().forEach(f -> expected.writeBytes(f.reply(0).encode()));
                java.io.ByteArrayOutputStream relayed = new java.io.ByteArrayOutputStream();
                a.side().rs485Answered().forEach(p -> relayed.writeBytes(p.data()));
                assertThat(relayed.toByteArray()).containsExactly(expected.toByteArray());
            });
            await().atMost(RunningBooth.WAIT).untilAsserted(() -> {
                var open = booth.app.gateEvents().recent(5).stream().filter(g -> g.laneId().equals("A1"))
                        .findFirst().orElseThrow();
                assertThat(open.outcome().result()).isEqualTo(GateOutcome.Result.CONFIRMED);
            });
        }
    }

    @Test
    void zhenshiHttpCarriesTheFramesAsSerialDataInItsReplies() throws Exception {
        try (InMemorySerialPair rs485 = new InMemorySerialPair("zs-a1-rs485")) {
            SimulatedLaneCard card = cardOn(rs485);
            booth = RunningBooth.start(data, "lane.A1.card.via", "camera", "lane.A1.gate", "card");
            var camera = booth.camera("SIM-CAM-A1").forwardSerialTo(rs485.endA());
            camera.push("京A54321");
            await().atMost(RunningBooth.WAIT).until(() -> booth.app.orders().findInLot("京A54321").isPresent());
            byte[] gate = CardFrames.openGate(0).encode();
            await().atMost(RunningBooth.WAIT).until(() -> {
                camera.heartbeat();
                return card.receivedFrames().stream().anyMatch(f -> Arrays.equals(f.encode(), gate))
                        && !card.lastVoice().isEmpty();
            });
            assertThat(card.discardedBytes()).isZero();
        }
    }

    @Test
    void huaxiaCarriesTheFramesInItsAnswers() throws Exception {
        try (InMemorySerialPair rs485 = new InMemorySerialPair("hx-a1-rs485")) {
            SimulatedLaneCard card = cardOn(rs485);
            booth = RunningBooth.start(data, "lane.A1.camera", "HX-A1", "lane.A1.camera.kind", "huaxia",
                    "lane.A1.camera.host", "127.0.0.1", "lane.A1.card.via", "camera", "lane.A1.gate", "card");
            int port = booth.app.cameraModule().listenPort().orElseThrow();
            SimulatedHuaxiaCamera a = new SimulatedHuaxiaCamera(URI.create("http://127.0.0.1:" + port
                    + "/huaxia/HX-A1"), "HX-A1", real);
            a.side().forwardRs485To(rs485.endA());
            a.push("粤B12345");
            byte[] gate = CardFrames.openGate(0).encode();
            await().atMost(RunningBooth.WAIT).until(() -> {
                a.heartbeat();
                return card.receivedFrames().stream().anyMatch(f -> Arrays.equals(f.encode(), gate))
                        && !card.lastVoice().isEmpty();
            });
            assertThat(card.discardedBytes()).isZero();
            assertThat(a.side().opens()).isZero();
        }
    }

    /**
     * The camera relays the card's answers (Zhenshi {@code SerialData} pushes, "串口数据推送" on) and polls in comet
     * mode: with {@code card.ack_timeout_ms} the booth waits for the card's ACK, so the entry's open by the card's
     * relay is recorded as confirmed, and every frame and every ACK crossed the camera byte for byte.
     */
    @Test
    void zhenshiHttpRelaysTheCardsAcksSoTheOpenIsConfirmed() throws Exception {
        try (InMemorySerialPair rs485 = new InMemorySerialPair("zs-a1-ack")) {
            SimulatedLaneCard card = cardOn(rs485);
            booth = RunningBooth.start(data, "lane.A1.card.via", "camera", "lane.A1.gate", "card",
                    "lane.A1.card.ack_timeout_ms", "1500");
            var camera = booth.camera("SIM-CAM-A1").forwardSerialTo(rs485.endA()).pushingSerialInput()
                    .polling(java.time.Duration.ofMillis(50));
            try {
                camera.push("京A54322");
                await().atMost(RunningBooth.WAIT).until(() -> booth.app.orders().findInLot("京A54322").isPresent());
                assertConfirmedOpen("A1");
                await().atMost(RunningBooth.WAIT).until(() -> !card.lastVoice().isEmpty());
                assertByteExact(card, () -> camera.rs485Written(), camera::rs485Answered);
            } finally {
                camera.close();
            }
        }
    }

    /** The same on a Huaxia camera: its {@code type:"rs485"} pushes carry the card's ACKs back. */
    @Test
    void huaxiaRelaysTheCardsAcksSoTheOpenIsConfirmed() throws Exception {
        try (InMemorySerialPair rs485 = new InMemorySerialPair("hx-a1-ack")) {
            SimulatedLaneCard card = cardOn(rs485);
            booth = RunningBooth.start(data, "lane.A1.camera", "HX-A1", "lane.A1.camera.kind", "huaxia",
                    "lane.A1.camera.host", "127.0.0.1", "lane.A1.card.via", "camera", "lane.A1.gate", "card",
                    "lane.A1.card.ack_timeout_ms", "1500");
            int port = booth.app.cameraModule().listenPort().orElseThrow();
            SimulatedHuaxiaCamera a = new SimulatedHuaxiaCamera(URI.create("http://127.0.0.1:" + port
                    + "/huaxia/HX-A1"), "HX-A1", real);
            a.side().forwardRs485To(rs485.endA());
            a.pushingRs485Input().polling(java.time.Duration.ofMillis(50));
            try {
                a.push("粤B12346");
                await().atMost(RunningBooth.WAIT).until(() -> booth.app.orders().findInLot("粤B12346").isPresent());
                assertConfirmedOpen("A1");
                await().atMost(RunningBooth.WAIT).until(() -> !card.lastVoice().isEmpty());
                assertByteExact(card, () -> a.side().rs485Received(), () -> a.side().rs485Answered());
                assertThat(a.side().opens()).isZero();
            } finally {
                a.close();
            }
        }
    }

    private void assertConfirmedOpen(String lane) {
        await().atMost(RunningBooth.WAIT).untilAsserted(() -> {
            var open = booth.app.gateEvents().recent(5).stream().filter(g -> g.laneId().equals(lane))
                    .findFirst().orElseThrow();
            assertThat(open.outcome().result()).isEqualTo(GateOutcome.Result.CONFIRMED);
        });
    }

    private static void assertByteExact(SimulatedLaneCard card, java.util.function.Supplier<List<SerialPayload>> out,
                                        java.util.function.Supplier<List<SerialPayload>> back) {
        await().atMost(RunningBooth.WAIT).untilAsserted(() -> {
            List<byte[]> written = out.get().stream().map(SerialPayload::data).toList();
            List<byte[]> decoded = card.receivedFrames().stream().map(CardFrame::encode).toList();
            assertThat(written).hasSameSizeAs(decoded);
            for (int i = 0; i < written.size(); i++) {
                assertThat(written.get(i)).containsExactly(decoded.get(i));
            }
            java.io.ByteArrayOutputStream expected = new java.io.ByteArrayOutputStream();
            card.receivedFrames().forEach(f -> expected.writeBytes(f.reply(0).encode()));
            java.io.ByteArrayOutputStream relayed = new java.io.ByteArrayOutputStream();
            back.get().forEach(p -> relayed.writeBytes(p.data()));
            assertThat(relayed.toByteArray()).containsExactly(expected.toByteArray());
        });
        assertThat(card.discardedBytes()).isZero();
    }
}
