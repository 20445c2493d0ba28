package com.boothdesk.devices.camera;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.boothdesk.devices.card.LaneCardOptions;
import com.boothdesk.devices.sim.CameraPushResult;
import com.boothdesk.devices.sim.CardEvent;
import com.boothdesk.devices.sim.InMemorySerialPair;
import com.boothdesk.devices.sim.SimulatedLaneCard;
import com.boothdesk.devices.sim.SimulatedZhenshiCamera;
import com.boothdesk.devices.templates.LaneMessage;
import com.boothdesk.devices.templates.LaneTemplates;
import com.boothdesk.devices.templates.Outcome;
import com.boothdesk.devices.testutil.MutableClock;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A site without a USB adapter: the handler answers the plate push with a rendered template as card frames in
 * {@code serialData}; the camera writes them to its RS485 port, where the simulated card shows and says them.
 */
class CardThroughCameraTest {

    @Test
    void templateReachesTheCardBehindTheCamera() throws Exception {
        MutableClock clock = new MutableClock(Instant.parse("2025-11-25T09:00:00Z"));
        LaneTemplates templates = LaneTemplates.load(null);
        for (LaneCardOptions.TextMode mode : LaneCardOptions.TextMode.values()) {
            try (InMemorySerialPair rs485 = new InMemorySerialPair("cam485");
                 SimulatedLaneCard card = new SimulatedLaneCard(rs485.endB(), 0);
                 ZhenshiPushServer server = new ZhenshiPushServer(new InetSocketAddress("127.0.0.1", 0), a -> true,
                         e -> {
                             LaneMessage m = templates.render(Outcome.FEE_DUE, LaneTemplates.vars().plate(e.plate())
                                     .feeFen(1250).duration(Duration.ofMinutes(95)).build());
                             return CameraReply.open(m.toSerialPayloads(0, 0, mode));
                         }, clock)) {
                card.start();
                rs485.endA().open();
                server.start();
                SimulatedZhenshiCamera cam = new SimulatedZhenshiCamera(
                        URI.create("http://127.0.0.1:" + server.port() + "/"), "SN-485", "10.0.0.2", clock)
                        .forwardSerialTo(rs485.endA());
                CameraPushResult r = cam.push("京A12345");
                assertThat(r.openGate()).isTrue();
                await().atMost(Duration.ofSeconds(15)).until(() -> !card.lastVoice().isEmpty());
                assertThat(card.displayLines()).as(mode.name())
                        .containsExactly("京A12345", "停车1小时35分", "请交费12.50元", "");
                assertThat(card.lastVoice()).isEqualTo("京A12345,停车1小时35分,请交费12.50元");
                assertThat(card.events()).doesNotHaveAnyElementsOfTypes(CardEvent.FrameRejected.class);
                assertThat(card.discardedBytes()).isZero();
                assertThat(card.receivedFrames()).hasSize(mode == LaneCardOptions.TextMode.PER_LINE ? 5 : 1);
                assertThat(r.serialData()).allSatisfy(p -> assertThat(p.channel()).isZero());
                assertThat(List.of(r.body())).allSatisfy(b -> assertThat(b).contains("\"dataLen\""));
            }
        }
    }
}
