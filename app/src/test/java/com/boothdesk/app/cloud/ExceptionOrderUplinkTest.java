package com.boothdesk.app.cloud;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.boothdesk.app.domain.lane.LanePhase;
import com.boothdesk.app.testing.RunningBooth;
import com.boothdesk.sdk.outbox.DeliveryStatus;
import com.boothdesk.sdk.sim.ReceivedUplink;

/**
 * 2.3 upload_order for an exception order, over the real link to the cloud simulator: a car that leaves without an
 * entry record goes up as the complete order after its out_park; an ordinary cash exit sends no 2.3.
 */
class ExceptionOrderUplinkTest {

    @TempDir
    Path data;
    RunningBooth booth;

    @BeforeEach
    void start() {
        booth = RunningBooth.start(data);
    }

    @AfterEach
    void stop() {
        booth.close();
    }

    List<String> servicesOf(String orderId) {
        return booth.cloud().received().stream().filter(u -> orderId.equals(u.data().path("order_id").asText()))
                .map(ReceivedUplink::serviceName).toList();
    }

    @Test
    void anExitWithoutEntryRecordIsUploadedAsTheCompleteOrderAfterItsOutPark() {
        var exit = booth.app.lane("B1");
        booth.camera("SIM-CAM-B1").push("粤Z00001");
        await().atMost(RunningBooth.WAIT).until(() -> exit.state().get().phase() == LanePhase.NO_RECORD);
        exit.chargeNoRecord("入口未识别").join();
        if (exit.state().get().phase() == LanePhase.AWAITING_PAYMENT) {
            exit.settleCash(0).join();
        }
        String orderId = exit.state().get().order().orderId();
        await().atMost(RunningBooth.WAIT).until(() -> servicesOf(orderId).contains("upload_order"));
        assertThat(servicesOf(orderId)).containsSubsequence("out_park", "upload_order");
        assertThat(servicesOf(orderId).stream().filter("upload_order"::equals)).hasSize(1);
        ReceivedUplink up = booth.cloud().received("upload_order").stream()
                .filter(u -> orderId.equals(u.data().path("order_id").asText())).findFirst().orElseThrow();
        assertThat(up.signValid()).isTrue();
        assertThat(up.data().path("data_target").asText()).isEqualTo("cloud");
        assertThat(up.data().path("car_number").asText()).isEqualTo("粤Z00001");
        assertThat(up.data().path("out_channel_id").asText()).isEqualTo("B1");
    }

    @Test
    void anOrdinaryCashExitSendsNoUploadOrder() {
        String orderId = booth.enter("京AUO001");
        booth.clock.advance(Duration.ofHours(2));
        var exit = booth.app.lane("B1");
        booth.camera("SIM-CAM-B1").push("京AUO001");
        await().atMost(RunningBooth.WAIT).until(() -> exit.state().get().phase() == LanePhase.AWAITING_PAYMENT);
        exit.settleCash(0).join();
        await().atMost(RunningBooth.WAIT).until(() -> servicesOf(orderId).contains("out_park"));
        // everything the exit queued has been delivered (nothing pending or in flight), and no 2.3 among it
        await().atMost(RunningBooth.WAIT).until(() -> {
            var c = booth.app.outbox().countByStatus();
            return c.getOrDefault(DeliveryStatus.PENDING, 0L) == 0 && c.getOrDefault(DeliveryStatus.SENT, 0L) == 0;
        });
        assertThat(servicesOf(orderId)).doesNotContain("upload_order");
    }
}
