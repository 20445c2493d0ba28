package com.boothdesk.app.cloud;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.boothdesk.app.BoothApp;
import com.boothdesk.app.domain.gate.GateEvent;
import com.boothdesk.app.domain.lane.LanePhase;
import com.boothdesk.app.domain.order.CarKind;
import com.boothdesk.app.domain.order.ParkingOrder;
import com.boothdesk.app.domain.order.PaymentMethod;
import com.boothdesk.app.testing.MutableClock;
import com.boothdesk.app.testing.RunningBooth;
import com.boothdesk.devices.card.CardFrame;
import com.boothdesk.devices.card.CardFrames;
import com.boothdesk.devices.sim.SimulatedZhenshiCamera;
import com.boothdesk.sdk.sim.CloudSimulator;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The cloud's downlinks that act on stays and lanes, pushed by the cloud simulator over the real TCP link into the
 * running booth; each answer is checked as the cloud receives it.
 */
class LaneDownlinksTest {

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
    void aPrepaymentIsRecordedOnceAndLetsTheCarOutWithinTheGrace() throws Exception {
        String orderId = enter("京P00001");
        clock.advance(Duration.ofHours(3));
        ObjectNode prepay = json("{\"service_name\":\"prepay_order\",\"order_id\":\"" + orderId + "\","
                + "\"car_number\":\"京P00001\",\"prepay\":7.0,\"trade_no\":\"T20261125001\",\"pay_channel\":0,"
                + "\"park_id\":\"24155\",\"pay_time\":" + clock.instant().getEpochSecond() + ",\"query_time\":0}");

        ObjectNode first = push(prepay);
        assertThat(first.path("state").asInt()).isEqualTo(1);
        assertThat(first.path("order_id").asText()).isEqualTo(orderId);
        assertThat(first.path("prepay").asText()).isEqualTo("7.00");
        assertThat(first.path("data_target").asText()).isEqualTo("bolink");
        ObjectNode again = push(prepay); // the cloud resends payment notices
        assertThat(again.path("state").asInt()).isEqualTo(1);
        assertThat(app.orders().find(orderId).orElseThrow().prepaidFen()).isEqualTo(700);

        clock.advance(Duration.ofMinutes(5));
        camera("SIM-CAM-B1").push("京P00001");
        await().atMost(WAIT).until(() -> app.lane("B1").state().get().phase() == LanePhase.RELEASED);
        assertThat(app.orders().find(orderId).orElseThrow().paymentMethod()).isEqualTo(PaymentMethod.PREPAID);
    }

    @Test
    void thePriceOfAStayAndOfTheCarWaitingAtTheExitAreAnswered() throws Exception {
        String orderId = enter("京Q00001");
        clock.advance(Duration.ofHours(3));
        ObjectNode inLot = push(json("{\"service_name\":\"query_price\",\"car_number\":\"京Q00001\",\"order_id\":\""
                + orderId + "\",\"park_id\":\"24155\",\"pay_scene\":0,\"query_order_no\":\"q-1\"}"));
        assertThat(inLot.path("state").asInt()).isEqualTo(1);
        assertThat(inLot.path("price").asText()).isEqualTo("7.00");
        assertThat(inLot.path("total").asText()).isEqualTo("7.00");
        assertThat(inLot.path("duration").asLong()).isEqualTo(180);
        assertThat(inLot.path("query_order_no").asText()).isEqualTo("q-1");
        assertThat(inLot.path("data_target").asText()).isEqualTo("bolink");

        ObjectNode noCar = push(json("{\"service_name\":\"query_price\",\"pay_scene\":1,\"out_channel_id\":\"B1\","
                + "\"query_order_no\":\"q-2\"}"));
        assertThat(noCar.path("state").asInt()).isZero();

        camera("SIM-CAM-B1").push("京Q00001");
        await().atMost(WAIT).until(() -> app.lane("B1").state().get().phase() == LanePhase.AWAITING_PAYMENT);
        ObjectNode exitQr = push(json("{\"service_name\":\"query_price\",\"pay_scene\":1,\"out_channel_id\":\"B1\","
                + "\"query_order_no\":\"q-3\",\"park_id\":\"24155\"}"));
        assertThat(exitQr.path("state").asInt()).isEqualTo(1);
        assertThat(exitQr.path("order_id").asText()).isEqualTo(orderId);
        assertThat(exitQr.path("price").asText()).isEqualTo("7.00");

        ObjectNode unknown = push(json("{\"service_name\":\"query_price\",\"car_number\":\"京X99999\","
                + "\"pay_scene\":0,\"query_order_no\":\"q-4\"}"));
        assertThat(unknown.path("state").asInt()).isZero();
        assertThat(unknown.path("errmsg").asText()).isEqualTo("未查询到此订单");
    }

    @Test
    void aPrepaymentForAnUnknownOrderIsRefused() throws Exception {
        ObjectNode r = push(json("{\"service_name\":\"prepay_order\",\"order_id\":\"NOPE_1\",\"prepay\":\"5\","
                + "\"trade_no\":\"T1\",\"car_number\":\"京A1\"}"));
        assertThat(r.path("state").asInt()).isZero();
        assertThat(r.path("errmsg").asText()).isEqualTo("未查询到此订单");
    }

    @Test
    void aNoPlateCarScannedAtTheEntryIsLetIn() throws Exception {
        ObjectNode r = push(json("{\"service_name\":\"nolicence_in_park\",\"car_number\":\"62000F9\","
                + "\"park_id\":\"24155\",\"channel_id\":\"A1\",\"timetemp\":" + clock.instant().getEpochSecond() + "}"));
        assertThat(r.path("state").asInt()).isEqualTo(1);
        assertThat(r.path("car_number").asText()).isEqualTo("62000F9");
        ParkingOrder o = app.orders().findInLot("62000F9").orElseThrow();
        assertThat(o.kind()).isEqualTo(CarKind.NO_PLATE);
        await().atMost(WAIT).until(() -> cloud.received("in_park").stream()
                .anyMatch(u -> u.data().path("order_id").asText().equals(o.orderId())));

        assertThat(push(json("{\"service_name\":\"nolicence_in_park\",\"car_number\":\"62000F9\","
                + "\"channel_id\":\"B1\",\"timetemp\":1}")).path("state").asInt()).isZero(); // B1 is an exit
    }

    @Test
    void aRemoteLiftOpensTheGateAndIsRecorded() throws Exception {
        ObjectNode r = push(json("{\"service_name\":\"operate_liftrod\",\"channel_id\":\"B1\",\"channel_name\":\"出口1\","
                + "\"operate\":0,\"liftrod_id\":\"f05385f9a70e\",\"park_id\":\"24155\"}"));
        assertThat(r.path("state").asInt()).isEqualTo(1);
        assertThat(r.path("liftrod_id").asText()).isEqualTo("f05385f9a70e");
        assertThat(app.gateEvents().recent(1)).singleElement().satisfies(g -> {
            assertThat(g.cause()).isEqualTo(GateEvent.Cause.MANUAL);
            assertThat(g.operator()).isEqualTo("cloud");
        });
        byte[] gate = CardFrames.openGate(0).encode();
        await().atMost(WAIT).until(() -> app.hardware().simulatedCard("B1").orElseThrow().receivedFrames().stream()
                .map(CardFrame::encode).anyMatch(b -> java.util.Arrays.equals(b, gate)));

        assertThat(push(json("{\"service_name\":\"operate_liftrod\",\"channel_id\":\"Z9\",\"operate\":0}"))
                .path("state").asInt()).isZero();
        assertThat(push(json("{\"service_name\":\"operate_liftrod\",\"channel_id\":\"B1\",\"operate\":7}"))
                .path("errmsg").asText()).contains("operate");
    }

    @Test
    void theCloudCorrectsAPlateBackFillsAnEntryAndSetsTheSpaces() throws Exception {
        String orderId = enter("京AZXC88");
        ObjectNode fix = push(json("{\"service_name\":\"change_car_number\",\"old_car_number\":\"京AZXC88\","
                + "\"new_car_number\":\"京AZXC99\",\"order_id\":\"" + orderId + "\",\"in_time\":1,\"in_channel_id\":\"A1\","
                + "\"user_id\":874504,\"message_uuid\":\"4a5b\"}"));
        assertThat(fix.path("state").asInt()).isEqualTo(1);
        assertThat(fix.path("message_uuid").asText()).isEqualTo("4a5b");
        assertThat(app.orders().find(orderId).orElseThrow().plate()).isEqualTo("京AZXC99");

        long in = clock.instant().minus(Duration.ofHours(2)).getEpochSecond();
        ObjectNode manual = json("{\"service_name\":\"manual_inpark\",\"car_number\":\"浙QQQ133\",\"in_time\":" + in
                + ",\"in_channel_id\":\"A12\",\"user_id\":874504,\"remark\":\"订单补录\",\"message_uuid\":\"5b02\"}");
        assertThat(push(manual).path("state").asInt()).isEqualTo(1);
        assertThat(push(manual).path("state").asInt()).isEqualTo(1); // resent: no second stay
        assertThat(app.orders().inLot().stream().filter(o -> o.plate().equals("浙QQQ133")).count()).isEqualTo(1);
        assertThat(app.orders().findInLot("浙QQQ133").orElseThrow().inTime()).isEqualTo(Instant.ofEpochSecond(in));

        ObjectNode spaces = push(json("{\"service_name\":\"space_notify\",\"total_space\":200,\"free_space\":150,"
                + "\"park_id\":\"24155\"}"));
        assertThat(spaces.path("service_name").asText()).as("3.39 is answered in the parkInfo envelope")
                .isEqualTo("parkInfo");
        assertThat(spaces.path("data").path("state").asInt()).isEqualTo(1);
        assertThat(app.spaces().free()).isEqualTo(150);
        assertThat(push(json("{\"service_name\":\"space_notify\",\"free_space\":\"lots\"}")).path("data")
                .path("state").asInt()).isZero();
    }

    @Test
    void aCaptureRequestUploadsTheLanePictureWithItsUuid() throws Exception {
        enter("京C00001"); // the entry camera's push is the lane's latest picture
        ObjectNode r = push(json("{\"service_name\":\"notice_capture\",\"data\":{\"park_id\":\"24155\","
                + "\"channel_id\":\"A1\",\"uuid\":\"0f1eab37a108\",\"capture_time\":1564710551}}"));
        assertThat(r.path("state").asInt()).isEqualTo(1);
        await().atMost(WAIT).until(() -> cloud.received("upload_carpic").stream()
                .anyMatch(u -> u.data().path("uuid").asText().equals("0f1eab37a108")
                        && u.data().path("picture_source").asText().equals("capture")
                        && u.data().path("content").asText().length() > 1000));
        assertThat(push(json("{\"service_name\":\"notice_capture\",\"data\":{\"channel_id\":\"Z9\","
                + "\"uuid\":\"x\"}}")).path("state").asInt()).isZero();
    }

    @Test
    void missingFieldsAndUnknownDownlinksAreAnsweredStateZero() throws Exception {
        ObjectNode missing = push(json("{\"service_name\":\"change_car_number\",\"new_car_number\":\"京A1\","
                + "\"message_uuid\":\"m1\"}"));
        assertThat(missing.path("state").asInt()).isZero();
        assertThat(missing.path("errmsg").asText()).contains("order_id");
        assertThat(missing.path("message_uuid").asText()).isEqualTo("m1");
    }

    private String enter(String plate) {
        return booth.enter(plate);
    }

    private ObjectNode push(ObjectNode downlink) throws Exception {
        return cloud.pushDownlink(downlink).get(10, TimeUnit.SECONDS);
    }

    private SimulatedZhenshiCamera camera(String serial) {
        return booth.camera(serial);
    }

    private static ObjectNode json(String s) throws Exception {
        return RunningBooth.json(s);
    }
}
