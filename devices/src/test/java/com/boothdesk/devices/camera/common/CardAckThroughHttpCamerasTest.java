package com.boothdesk.devices.camera.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.boothdesk.devices.camera.CameraReply;
import com.boothdesk.devices.camera.SerialPayload;
import com.boothdesk.devices.camera.ZhenshiPushServer;
import com.boothdesk.devices.camera.huaxia.HuaxiaCamera;
import com.boothdesk.devices.card.CardFrame;
import com.boothdesk.devices.card.CardFrames;
import com.boothdesk.devices.card.CommandOutcome;
import com.boothdesk.devices.card.LaneCard;
import com.boothdesk.devices.card.LaneCardOptions;
import com.boothdesk.devices.serial.SerialLink;
import com.boothdesk.devices.sim.InMemorySerialPair;
import com.boothdesk.devices.sim.SimulatedLaneCard;
import com.boothdesk.devices.sim.SimulatedZhenshiCamera;
import com.boothdesk.devices.sim.huaxia.SimulatedHuaxiaCamera;
import java.io.ByteArrayOutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * {@code card.via=camera} on the cameras that only talk in answers to their own requests (Zhenshi HTTP push with
 * comet polling, Huaxia HTTP POST), over real loopback HTTP: the booth's frames reach the card byte for byte in the
 * answers' {@code serialData} / {@code rs485_data}, the card's ACKs come back byte for byte as the camera's RS485 input
 * pushes ({@code SerialData} / {@code type:"rs485"}) and complete the commands as ACKED; a silent card gives a
 * failure, not a false success; a gate open overtakes the screen and voice frames still queued.
 */
class CardAckThroughHttpCamerasTest {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final Duration POLL = Duration.ofMillis(50);
    private final Clock real = Clock.systemUTC();

    @Test
    void zhenshiHttpRelaysTheCardsAcksAsSerialDataPushes() throws Exception {
        try (ZhenshiPushServer server = new ZhenshiPushServer(new InetSocketAddress("127.0.0.1", 0), a -> true,
                e -> CameraReply.none(), real);
             InMemorySerialPair rs485 = new InMemorySerialPair("zs-1-rs485")) {
            server.start();
            SimulatedLaneCard card = cardOn(rs485);
            SimulatedZhenshiCamera sim = new SimulatedZhenshiCamera(URI.create("http://127.0.0.1:" + server.port()
                    + "/"), "ZS-1", "127.0.0.1", real).forwardSerialTo(rs485.endA()).pushingSerialInput();
            try {
                ReplySerialLink link = new ReplySerialLink(server, "ZS-1", 0, Duration.ofSeconds(5),
                        Duration.ofMillis(1500));
                link.open();
                assertThat(link.ackWait()).contains(Duration.ofMillis(1500));
                sim.polling(POLL);
                check(link, card, () -> sim.rs485Written(), sim::rs485Answered);
            } finally {
                sim.close();
            }
        }
    }

    @Test
    void huaxiaRelaysTheCardsAcksAsRs485Pushes() throws Exception {
        try (CameraPushListener listener = new CameraPushListener(new InetSocketAddress("127.0.0.1", 0),
                4 * 1024 * 1024, 2);
             InMemorySerialPair rs485 = new InMemorySerialPair("hx-1-rs485")) {
            HuaxiaCamera camera = new HuaxiaCamera("HX-1", Addresses.resolve("127.0.0.1"), e -> CameraReply.none(),
                    real, Duration.ofSeconds(30));
            listener.route("/huaxia", new PathRoute().add("HX-1", camera));
            listener.start();
            camera.start();
            SimulatedLaneCard card = cardOn(rs485);
            SimulatedHuaxiaCamera sim = new SimulatedHuaxiaCamera(URI.create("http://127.0.0.1:" + listener.port()
                    + "/huaxia/HX-1"), "HX-1", real);
            sim.side().forwardRs485To(rs485.endA());
            sim.pushingRs485Input();
            try {
                CameraSerialLink link = new CameraSerialLink(camera, 0, Duration.ofMillis(1500));
                link.open();
                assertThat(link.relaysAck()).isTrue();
                assertThat(new CameraSerialLink(camera, 0).relaysAck()).as("not without the site's ACK wait")
                        .isFalse();
                sim.polling(POLL);
                check(link, card, () -> sim.side().rs485Received(), () -> sim.side().rs485Answered());
            } finally {
                sim.close();
                camera.close();
            }
        }
    }

    private static SimulatedLaneCard cardOn(InMemorySerialPair pair) throws Exception {
        SimulatedLaneCard card = new SimulatedLaneCard(pair.endB(), 0);
        card.start();
        pair.endA().open();
        return card;
    }

    private void check(SerialLink link, SimulatedLaneCard card, Supplier<List<SerialPayload>> written,
                       Supplier<List<SerialPayload>> answered) throws Exception {
        try (LaneCard driver = new LaneCard(link, 0, real, LaneCardOptions.DEFAULTS.withAckTimeout(
                Duration.ofMillis(1500)).withOpenThrottle(Duration.ZERO))) {
            CommandOutcome gate = driver.openGateAsync().get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
            assertThat(gate.status()).as(gate.toString()).isEqualTo(CommandOutcome.Status.ACKED);

            // four lines and a voice text (several frames), then at once a gate open: it goes ahead of the rest
            var screen = driver.showAndSayAsync(List.of("京A12345", "临时车", "请缴费", "10.00元"),
                    "京A12345,临时车,请缴费十元");
            var open2 = driver.openGateAsync();
            assertThat(screen.get(WAIT.toMillis(), TimeUnit.MILLISECONDS).status())
                    .isEqualTo(CommandOutcome.Status.ACKED);
            assertThat(open2.get(WAIT.toMillis(), TimeUnit.MILLISECONDS).status())
                    .isEqualTo(CommandOutcome.Status.ACKED);
            byte[] gateBytes = CardFrames.openGate(0).encode();
            List<CardFrame> got = card.receivedFrames();
            int secondGate = -1;
            for (int i = got.size() - 1; i >= 0; i--) {
                if (Arrays.equals(got.get(i).encode(), gateBytes)) {
                    secondGate = i;
                    break;
                }
            }
            assertThat(secondGate).as("the second open reached the card").isPositive();
            assertThat(secondGate).as("the open overtook queued screen/voice frames").isLessThan(got.size() - 1);
            assertThat(card.discardedBytes()).isZero();

            // byte-exact both ways through the camera
            List<byte[]> out = written.get().stream().map(SerialPayload::data).toList();
            assertThat(out).hasSameSizeAs(got);
            for (int i = 0; i < out.size(); i++) {
                assertThat(out.get(i)).containsExactly(got.get(i).encode());
            }
            ByteArrayOutputStream acks = new ByteArrayOutputStream();
            got.forEach(f -> acks.writeBytes(f.reply(0).encode()));
            await().atMost(WAIT).untilAsserted(() -> {
                ByteArrayOutputStream relayed = new ByteArrayOutputStream();
                answered.get().forEach(p -> relayed.writeBytes(p.data()));
                assertThat(relayed.toByteArray()).containsExactly(acks.toByteArray());
            });

            // a card that does not answer: the driver says so instead of claiming the gate moved
            card.setAnswering(false);
            CommandOutcome silent = driver.openGateAsync().get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
            assertThat(silent.delivered()).isFalse();
        }
    }
}
