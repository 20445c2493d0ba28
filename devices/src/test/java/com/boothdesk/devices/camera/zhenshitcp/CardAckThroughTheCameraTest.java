package com.boothdesk.devices.camera.zhenshitcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.boothdesk.devices.camera.CameraReply;
import com.boothdesk.devices.camera.SerialPayload;
import com.boothdesk.devices.camera.common.CameraSerialLink;
import com.boothdesk.devices.card.CardFrame;
import com.boothdesk.devices.card.CardFrames;
import com.boothdesk.devices.card.CommandOutcome;
import com.boothdesk.devices.card.LaneCard;
import com.boothdesk.devices.card.LaneCardOptions;
import com.boothdesk.devices.sim.InMemorySerialPair;
import com.boothdesk.devices.sim.SimulatedLaneCard;
import com.boothdesk.devices.sim.zhenshitcp.SimulatedZhenshiTcpCamera;
import java.io.ByteArrayOutputStream;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * {@code card.via=camera} on a Zhenshi TCP camera, over real loopback TCP: the card driver's frames reach the card
 * byte for byte through the camera's RS485 side, the card's ACKs come back through the camera the same way and
 * complete the commands as ACKED (a card that stays silent gives NO_ACK, not a false success), and a gate open
 * overtakes the screen frames still queued.
 */
class CardAckThroughTheCameraTest {
    private static final Duration WAIT = Duration.ofSeconds(15);
    private final Clock real = Clock.systemUTC();

    @Test
    void theCardsAckComesBackThroughTheCameraAndTheGateOvertakesQueuedScreenFrames() throws Exception {
        try (SimulatedZhenshiTcpCamera sim = new SimulatedZhenshiTcpCamera("ZT-1", real);
             InMemorySerialPair rs485 = new InMemorySerialPair("zt-1-rs485");
             ZhenshiTcpCamera cam = new ZhenshiTcpCamera("ZT-1", new InetSocketAddress("127.0.0.1", sim.port()),
                     e -> CameraReply.none(), real, Duration.ofSeconds(5))) {
            SimulatedLaneCard card = new SimulatedLaneCard(rs485.endB(), 0);
            card.start();
            rs485.endA().open();
            sim.side().forwardRs485To(rs485.endA());
            cam.start();
            await().atMost(WAIT).until(sim::subscribed);
            CameraSerialLink link = new CameraSerialLink(cam, 0);
            link.open();
            assertThat(link.relaysAck()).isTrue();
            try (LaneCard driver = new LaneCard(link, 0, real, LaneCardOptions.DEFAULTS.withAckTimeout(
                    Duration.ofMillis(600)).withOpenThrottle(Duration.ZERO))) {
                CommandOutcome gate = driver.openGateAsync().get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
                assertThat(gate.status()).isEqualTo(CommandOutcome.Status.ACKED);

                // four lines and a voice text (several frames), then at once a gate open: it goes ahead of the rest
                var screen = driver.showAndSayAsync(List.of("京A12345", "临时车", "请缴费", "10.00元"),
                        "京A12345,临时车,请缴费十元");
                var open2 = driver.openGateAsync();
                assertThat(screen.get(WAIT.toMillis(), TimeUnit.MILLISECONDS).status())
                        .isEqualTo(CommandOutcome.Status.ACKED);
                assertThat(open2.get(WAIT.toMillis(), TimeUnit.MILLISECONDS).delivered()).isTrue();
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
                assertThat(secondGate).as("the open overtook queued screen/voice frames")
                        .isLessThan(got.size() - 1);

                // byte-exact both ways through the camera
                List<byte[]> written = sim.side().rs485Received().stream().map(SerialPayload::data).toList();
                assertThat(written).hasSameSizeAs(got);
                for (int i = 0; i < written.size(); i++) {
                    assertThat(written.get(i)).containsExactly(got.get(i).encode());
                }
                ByteArrayOutputStream acks = new ByteArrayOutputStream();
                got.forEach(f -> acks.writeBytes(f.reply(0).encode()));
                await().atMost(WAIT).untilAsserted(() -> {
                    ByteArrayOutputStream relayed = new ByteArrayOutputStream();
                    sim.side().rs485Answered().forEach(p -> relayed.writeBytes(p.data()));
                    assertThat(relayed.toByteArray()).containsExactly(acks.toByteArray());
                });

                // a card that does not answer: the driver says so instead of claiming the gate moved
                card.setAnswering(false);
                CommandOutcome silent = driver.openGateAsync().get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
                assertThat(silent.delivered()).isFalse();
            }
        }
    }
}
