package com.boothdesk.devices.camera;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.boothdesk.devices.card.CommandOutcome;
import com.boothdesk.devices.sim.CameraPushResult;
import com.boothdesk.devices.sim.SimulatedZhenshiCamera;
import com.boothdesk.devices.testutil.MutableClock;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The camera-relay truth: a reply (the handler's open, queued commands) counts as sent only once it was written to
 * the camera's connection; a reply that could not go out is reported as such.
 */
class ReplyDeliveryTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T09:00:00Z"));

    /** Remembers what onReplySent was told. */
    private static final class Recorder implements PlateEventHandler {
        final CompletableFuture<Object[]> told = new CompletableFuture<>();
        final CountDownLatch entered = new CountDownLatch(1);
        volatile CountDownLatch hold = new CountDownLatch(0);

        @Override
        public CameraReply onPlate(PlateEvent event) {
            entered.countDown();
            try {
                hold.await(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return CameraReply.open(List.of());
        }

        @Override
        public void onReplySent(PlateEvent event, CameraReply reply, boolean sent) {
            told.complete(new Object[] {event.plate(), reply, sent});
        }
    }

    @Test
    void theHandlerIsToldItsOpenWentOutWithWhatWasActuallySent() throws Exception {
        Recorder handler = new Recorder();
        try (ZhenshiPushServer server = new ZhenshiPushServer(new InetSocketAddress("127.0.0.1", 0),
                a -> a.isLoopbackAddress(), handler, clock)) {
            server.start();
            var queued = server.queueForCamera("SN-1", CameraReply.serial(List.of(new SerialPayload(0,
                    new byte[] {1, 2}))), Duration.ofSeconds(2));
            SimulatedZhenshiCamera cam = new SimulatedZhenshiCamera(
                    URI.create("http://127.0.0.1:" + server.port() + "/"), "SN-1", "10.0.0.1", clock);
            CameraPushResult r = cam.push("京A12345");
            assertThat(r.openGate()).isTrue();
            Object[] told = handler.told.get(5, TimeUnit.SECONDS);
            assertThat(told[0]).isEqualTo("京A12345");
            assertThat(((CameraReply) told[1]).openGate()).isTrue();
            assertThat(((CameraReply) told[1]).serialData()).hasSize(1); // the queued bytes went with it
            assertThat(told[2]).isEqualTo(true);
            assertThat(queued.get(5, TimeUnit.SECONDS).status()).isEqualTo(CommandOutcome.Status.SENT);
        }
    }

    @Test
    void aReplyThatCannotGoOutIsReportedNotSentAndItsQueuedCommandsLinkDown() throws Exception {
        Recorder handler = new Recorder();
        handler.hold = new CountDownLatch(1);
        ZhenshiPushServer server = new ZhenshiPushServer(new InetSocketAddress("127.0.0.1", 0),
                a -> a.isLoopbackAddress(), handler, clock);
        server.start();
        var queued = server.queueForCamera("SN-1", CameraReply.open(List.of()), Duration.ofSeconds(2));
        SimulatedZhenshiCamera cam = new SimulatedZhenshiCamera(
                URI.create("http://127.0.0.1:" + server.port() + "/"), "SN-1", "10.0.0.1", clock);
        CompletableFuture<CameraPushResult> push = CompletableFuture.supplyAsync(() -> cam.push("京B54321"));
        assertThat(handler.entered.await(5, TimeUnit.SECONDS)).isTrue();
        server.close(); // the connection is closed while the handler decides
        handler.hold.countDown();
        Object[] told = handler.told.get(5, TimeUnit.SECONDS);
        assertThat(told[2]).isEqualTo(false);
        assertThat(queued.get(5, TimeUnit.SECONDS).status()).isEqualTo(CommandOutcome.Status.LINK_DOWN);
        await().atMost(Duration.ofSeconds(15)).until(push::isDone);
        assertThat(push.get().ok()).isFalse();
    }
}
