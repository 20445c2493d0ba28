package com.boothdesk.app.cloud;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.boothdesk.app.BoothApp;
import com.boothdesk.app.domain.lane.LanePhase;
import com.boothdesk.app.domain.lane.Step;
import com.boothdesk.app.domain.order.CarKind;
import com.boothdesk.app.domain.order.PaymentMethod;
import com.boothdesk.app.testing.MutableClock;
import com.boothdesk.app.testing.RunningBooth;
import com.boothdesk.devices.sim.SimulatedZhenshiCamera;
import com.boothdesk.sdk.sim.CloudSimulator;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A list change pushed by the cloud simulator over the real link reaches the booth's store, and the very next
 * plate read obeys it: blacklist, monthly card, lock.
 */
class ListSyncThroughTheBoothTest {

    static final Duration WAIT = RunningBooth.WAIT;

    @TempDir
    Path data;
    RunningBooth booth;
    MutableClock clock;
    BoothApp app;
    CloudSimulator cloud;

    @BeforeEach
    void start() {
        booth = RunningBooth.start(data);
        clock = booth.clock;
        app = booth.app;
        cloud = booth.cloud();
    }

    @AfterEach
    void stop() {
        booth.close();
    }

    @Test
    void aBlacklistedPlateIsRefusedAtTheNextRead() throws Exception {
        camera("SIM-CAM-A1").push("京AKKKK1");
        await().atMost(WAIT).until(() -> app.lane("A1").state().get().phase() == LanePhase.ENTERED);
        exitFree("京AKKKK1");

        ObjectNode r = push("{'data':{'resume':'逃费','operate_type':1,'park_id':'24155','car_number':'京AKKKK1',"
                + "'create_time':1764000000,'black_uuid':'20000_1','operator':'522222',"
                + "'start_time':'2026-11-01 00:00:00','end_time':'2026-12-31 23:59:59'},'service_name':'blackuser_sync'}");
        assertThat(r.path("state").asInt()).isEqualTo(1);

        clock.advance(Duration.ofMinutes(1));
        camera("SIM-CAM-A1").push("京AKKKK1");
        await().atMost(WAIT).until(() -> app.lane("A1").state().get().phase() == LanePhase.REFUSED);
        assertThat(app.lane("A1").state().get().decision().step()).isEqualTo(Step.BLACKLIST);
        assertThat(app.orders().findInLot("京AKKKK1")).isEmpty();
    }

    @Test
    void aMonthlyCardFromTheCloudLetsTheCarInAndOutWithoutPaying() throws Exception {
        ObjectNode r = push("{'service_name':'month_member_sync','data':{'card_id':'100000','operate_type':1,"
                + "'begin_time':1764000000,'end_time':1798000000,'car_number':'京G00000','name':'李四','p_lot':'1',"
                + "'price':'300.00','amount_receivable':300.0,'pid':'null','car_type_id':'null','channel_id':'',"
                + "'park_id':'24155','tel':'','remark':'会员1'}}");
        assertThat(r.path("state").asInt()).isEqualTo(1);
        assertThat(r.path("card_id").asText()).isEqualTo("100000");

        camera("SIM-CAM-A1").push("京G00000");
        await().atMost(WAIT).until(() -> app.orders().findInLot("京G00000").isPresent());
        assertThat(app.orders().findInLot("京G00000").orElseThrow().kind()).isEqualTo(CarKind.MONTHLY);

        clock.advance(Duration.ofHours(5));
        camera("SIM-CAM-B1").push("京G00000");
        await().atMost(WAIT).until(() -> app.lane("B1").state().get().phase() == LanePhase.RELEASED);
        assertThat(app.lane("B1").state().get().order().paymentMethod()).isEqualTo(PaymentMethod.MONTHLY);
        await().atMost(WAIT).until(() -> cloud.received("out_park").stream()
                .anyMatch(u -> u.data().path("car_number").asText().equals("京G00000")
                        && u.data().path("pay_type").asText().equals("monthuser")));
    }

    @Test
    void aCarLockedFromTheCloudCannotLeave() throws Exception {
        camera("SIM-CAM-A1").push("京L00001");
        await().atMost(WAIT).until(() -> app.orders().findInLot("京L00001").isPresent());
        String orderId = app.orders().findInLot("京L00001").orElseThrow().orderId();

        ObjectNode r = push("{'local_id':'x','park_id':'24155','comid':'20000','service_name':'lock_car',"
                + "'order_id':'" + orderId + "','is_locked':1,'lock_key':'4000'}");
        assertThat(r.path("state").asInt()).isEqualTo(1);

        clock.advance(Duration.ofHours(1));
        camera("SIM-CAM-B1").push("京L00001");
        await().atMost(WAIT).until(() -> app.lane("B1").state().get().phase() == LanePhase.REFUSED);
        assertThat(app.lane("B1").state().get().decision().step()).isEqualTo(Step.LOCK);
        assertThat(app.orders().findInLot("京L00001")).isPresent();
    }

    private void exitFree(String plate) {
        clock.advance(Duration.ofMinutes(5));
        camera("SIM-CAM-B1").push(plate);
        await().atMost(WAIT).until(() -> app.orders().findInLot(plate).isEmpty());
    }

    private ObjectNode push(String json) throws Exception {
        return booth.push(json);
    }

    private SimulatedZhenshiCamera camera(String serial) {
        return booth.camera(serial);
    }
}
