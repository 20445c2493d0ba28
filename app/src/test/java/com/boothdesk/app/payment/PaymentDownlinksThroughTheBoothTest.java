package com.boothdesk.app.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.boothdesk.app.domain.order.OrderStatus;
import com.boothdesk.app.domain.order.ParkingOrder;
import com.boothdesk.app.domain.order.PaymentMethod;
import com.boothdesk.app.testing.RunningBooth;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The payment downlinks other than 3.4, each pushed by the cloud simulator through the real TCP link to one running
 * booth: its answer (state, echoed keys) and its effect (H2: the payment record against the order and the attendant,
 * a closed order, a kept balance); a resend is answered again and recorded once.
 */
class PaymentDownlinksThroughTheBoothTest {

    @TempDir
    static Path data;
    static RunningBooth booth;

    @BeforeAll
    static void start() {
        booth = RunningBooth.start(data);
    }

    @AfterAll
    static void stop() {
        booth.close();
    }

    static PaymentStore store() {
        return booth.app.payments().store();
    }

    static List<PaymentRecord> records(PaymentRecord.Kind kind) {
        // the cloud's messages only: not the records the totals test writes into a shift of 2001
        return store().recent(200).stream().filter(r -> r.kind() == kind)
                .filter(r -> r.received().isAfter(Instant.parse("2010-01-01T00:00:00Z"))).toList();
    }

    @Test
    void refund323IsRecordedOnceAgainstItsOrderAndAnswered() throws Exception {
        String msg = "{'service_name':'refund','union_id':100000,'park_id':'24155','trade_no':'M242TQ',"
                + "'refund_money':0.01,'state':1,'errmsg':'退款成功','refund_channel':0,'refund_time':1550133537,"
                + "'car_number':'京A1','order_id':'A1_2C1550','arrive_moeny':0,'fee':0,'account_type':0,"
                + "'remark':'退款'}";
        ObjectNode a = booth.push(msg);
        assertThat(a.path("state").asInt()).isEqualTo(1);
        assertThat(a.path("trade_no").asText()).isEqualTo("M242TQ");
        assertThat(a.path("data_target").asText()).isEqualTo("bolink");
        assertThat(booth.push(msg).path("state").asInt()).isEqualTo(1);
        assertThat(records(PaymentRecord.Kind.REFUND)).singleElement().satisfies(r -> {
            assertThat(r.orderId()).isEqualTo("A1_2C1550");
            assertThat(r.amountFen()).isEqualTo(1);
            assertThat(r.channel()).isEqualTo("wechat");
            assertThat(r.operator()).isEqualTo("demo");
        });
        ObjectNode bad = booth.push("{'service_name':'refund','trade_no':'X'}");
        assertThat(bad.path("state").asInt()).isZero();
        assertThat(bad.path("errmsg").asText()).contains("refund_money");
    }

    @Test
    void change324IsRecordedAndAnswered() throws Exception {
        ObjectNode a = booth.push("{'service_name':'recharge','union_id':100000,'park_id':'24155',"
                + "'trade_no':'center_cash-7824','recharge_money':0.99,'state':1,'errmsg':'找零成功',"
                + "'recharge_channel':0,'recharge_time':1550477617,'car_number':'京W11111','order_id':'A1_2C155047',"
                + "'remark':'现金找零'}");
        assertThat(a.path("state").asInt()).isEqualTo(1);
        assertThat(a.path("trade_no").asText()).isEqualTo("center_cash-7824");
        assertThat(records(PaymentRecord.Kind.CHANGE)).singleElement()
                .satisfies(r -> assertThat(r.amountFen()).isEqualTo(99));
    }

    @Test
    void platformPayment325AndChargingNotice336AreToldApartAndAnsweredWithTheirUuid() throws Exception {
        ObjectNode charging = booth.push("{'service_name':'pay_notice','start_charging_time':'2020-04-16 14:00:40',"
                + "'car_number':'苏DDDLL03','comid':'20180427','stop_charging_time':'2020-04-27 14:50:59',"
                + "'reduce_amount':2.0,'order_id':'A1_2C1587980476','uuid':'4548fcd6'}");
        assertThat(charging.path("state").asInt()).isEqualTo(1);
        assertThat(charging.path("uuid").asText()).isEqualTo("4548fcd6");
        ObjectNode platform = booth.push("{'service_name':'pay_notice','comid':'24155','uuid':'u-325',"
                + "'order_id':'A1_2C99','car_number':'京A99','type':2,'trade_no':'t-325','act_total':3.5,"
                + "'pay_type':2,'deduction_money':1.0}");
        assertThat(platform.path("uuid").asText()).isEqualTo("u-325");
        // this test's orders only (another test of this booth sends pay_notice for a stay of its own)
        assertThat(records(PaymentRecord.Kind.CHARGING).stream().filter(r -> "A1_2C1587980476".equals(r.orderId())))
                .singleElement().satisfies(r -> assertThat(r.amountFen()).isEqualTo(200));
        assertThat(records(PaymentRecord.Kind.PLATFORM).stream().filter(r -> "A1_2C99".equals(r.orderId())))
                .singleElement().satisfies(r -> {
            assertThat(r.amountFen()).isEqualTo(350);
            assertThat(r.channel()).isEqualTo("alipay");
        });
    }

    static long price(String orderId, String plate) throws Exception {
        ObjectNode p = booth.push("{'service_name':'query_price','order_id':'" + orderId + "','car_number':'" + plate
                + "','pay_scene':0,'query_order_no':'q-" + orderId + "'}");
        assertThat(p.path("state").asInt()).isEqualTo(1);
        return com.boothdesk.app.domain.fee.Fen.parse(p.path("price").asText());
    }

    @Test
    void aChargingDiscountAndAPlatformPaymentAreTakenOffTheFeeAndReleaseTheWaitingCar() throws Exception {
        String orderId = booth.enter("苏DPN001");
        booth.clock.advance(Duration.ofHours(3));
        long before = price(orderId, "苏DPN001");
        assertThat(before).as("a stay of three hours costs something").isGreaterThan(300);

        String charging = "{'service_name':'pay_notice','start_charging_time':'2026-11-25 08:10:00',"
                + "'car_number':'苏DPN001','comid':'24155','stop_charging_time':'2026-11-25 10:00:00',"
                + "'reduce_amount':2.0,'order_id':'" + orderId + "','uuid':'pn-336-1'}";
        assertThat(booth.push(charging).path("state").asInt()).isEqualTo(1);
        assertThat(booth.push(charging).path("state").asInt()).as("resent").isEqualTo(1);
        assertThat(price(orderId, "苏DPN001")).as("3.36 taken off once").isEqualTo(before - 200);

        String platform = "{'service_name':'pay_notice','comid':'24155','uuid':'pn-325-1','order_id':'" + orderId
                + "','car_number':'苏DPN001','type':2,'trade_no':'t-pn-325','act_total':1.0,'pay_type':1}";
        assertThat(booth.push(platform).path("state").asInt()).isEqualTo(1);
        assertThat(price(orderId, "苏DPN001")).as("3.25 paid on the platform").isEqualTo(before - 300);
        assertThat(booth.app.orders().find(orderId).orElseThrow().prepaidFen()).isEqualTo(100);

        // the car comes to the exit and waits; the platform pays the rest: the exit decides again and releases it
        booth.camera("SIM-CAM-B1").push("苏DPN001");
        var exit = booth.app.lane("B1");
        await().atMost(RunningBooth.WAIT).until(() -> exit.state().get().phase()
                == com.boothdesk.app.domain.lane.LanePhase.AWAITING_PAYMENT);
        long rest = exit.waitingToPay().orElseThrow().quote().totalFen();
        assertThat(rest).isEqualTo(before - 300);
        assertThat(booth.push("{'service_name':'pay_notice','comid':'24155','uuid':'pn-325-2','order_id':'" + orderId
                + "','car_number':'苏DPN001','type':2,'trade_no':'t-pn-325b','act_total':"
                + com.boothdesk.app.domain.fee.Fen.format(rest) + ",'pay_type':2}").path("state").asInt())
                .isEqualTo(1);
        await().atMost(RunningBooth.WAIT).until(() -> booth.app.orders().find(orderId).orElseThrow().status()
                == OrderStatus.CLOSED);
        await().atMost(RunningBooth.WAIT).until(() -> booth.cloud().received("out_park").stream()
                .anyMatch(u -> u.data().path("order_id").asText().equals(orderId)));
        assertThat(booth.cloud().received("upload_ticket_deduction").stream()
                .filter(u -> u.data().path("order_id").asText().equals(orderId)))
                .as("the cloud's reduction is no coupon of its own: no 2.29").isEmpty();
    }

    @Test
    void manualSettlement328ClosesTheInLotOrderAsTheCloudSays() throws Exception {
        String orderId = booth.enter("苏DTTTTT3");
        long in = booth.app.orders().find(orderId).orElseThrow().inTime().getEpochSecond();
        String msg = "{'data':{'out_time':" + (in + 600) + ",'cash_prepay':0.00,'operate_type':2,'in_time':" + in
                + ",'ele_prepay':0.00,'car_number':'苏DTTTTT3','cash_pay':1.00,'park_id':'24155','ele_pay':0.00,"
                + "'sync_id':1561426304865070,'order_id':'" + orderId + "'},'service_name':'order_zero_balance'}";
        ObjectNode a = booth.push(msg);
        assertThat(a.path("state").asInt()).isEqualTo(1);
        assertThat(a.path("sync_id").asText()).isEqualTo("1561426304865070");
        assertThat(a.path("data_target").asText()).isEqualTo("cloud");
        ParkingOrder closed = booth.app.orders().find(orderId).orElseThrow();
        assertThat(closed.status()).isEqualTo(OrderStatus.CLOSED);
        assertThat(closed.paymentMethod()).isEqualTo(PaymentMethod.CASH);
        assertThat(closed.paidFen()).isEqualTo(100);
        assertThat(closed.outTime()).isEqualTo(Instant.ofEpochSecond(in + 600));
        assertThat(booth.push(msg).path("state").asInt()).isEqualTo(1); // resent: answered, nothing more
        assertThat(store().forOrder(orderId)).hasSize(1);
        // an exception order of 2.3: the complete order goes up after its out_park, once
        await().atMost(RunningBooth.WAIT).until(() -> booth.cloud().received("upload_order").stream()
                .anyMatch(u -> u.data().path("order_id").asText().equals(orderId)));
        assertThat(booth.cloud().received("upload_order").stream()
                .filter(u -> u.data().path("order_id").asText().equals(orderId))).singleElement().satisfies(u -> {
                    assertThat(u.data().path("data_target").asText()).isEqualTo("cloud");
                    assertThat(u.data().path("out_channel_id").asText()).isEqualTo("CLOUD");
                    assertThat(u.data().path("total").asText()).isEqualTo("1.00");
                });
    }

    @Test
    void chaseResults329And337AreRecordedAgainstTheirOrders() throws Exception {
        ObjectNode repair = booth.push("{'account_type':1,'arrive_money':0.03,'service_name':'repair','fee':0.0,"
                + "'errmsg':'支付成功','remark':'收到停车费-桂GGGTT07','pay_time':1561350127,'total':0.03,"
                + "'car_number':'桂GGGTT07','trade_no':'2019062412220330537926659','pay_channel':1,"
                + "'pay_type':'repair','state':1,'order_id':'A1_2C1561349854'}");
        assertThat(repair.path("state").asInt()).isEqualTo(1);
        assertThat(repair.path("order_id").asText()).isEqualTo("A1_2C1561349854");
        ObjectNode escape = booth.push("{'account_type':1,'arrive_money':0.01,'service_name':'escape_order',"
                + "'fee':0.0,'park_id':'24155','errmsg':'支付成功','remark':'陕ABC001-追缴','pay_time':1626849376,"
                + "'total':0.01,'union_id':200568,'trade_no':'21202107211436081672788815','pay_channel':0,"
                + "'state':1,'order_id':'A1_2C1626849321'}");
        assertThat(escape.path("trade_no").asText()).isEqualTo("21202107211436081672788815");
        assertThat(store().forOrder("A1_2C1561349854")).singleElement().satisfies(r -> {
            assertThat(r.kind()).isEqualTo(PaymentRecord.Kind.CHASE);
            assertThat(r.channel()).isEqualTo("alipay");
        });
        assertThat(store().forOrder("A1_2C1626849321")).singleElement()
                .satisfies(r -> assertThat(r.kind()).isEqualTo(PaymentRecord.Kind.ESCAPE_PAID));
    }

    @Test
    void fixedCharge344IsAnsweredWithItsUuidAndKept() throws Exception {
        ObjectNode a = booth.push("{'out_time':1655369779,'user_id':'874504','service_name':'fixed_charge',"
                + "'price':0.1,'car_number':'京MHPP00','out_channel_id':'B1',"
                + "'message_uuid':'cce365535a014e80bf8ab7cd7b43a7af'}");
        assertThat(a.path("state").asInt()).isEqualTo(1);
        assertThat(a.path("message_uuid").asText()).isEqualTo("cce365535a014e80bf8ab7cd7b43a7af");
        assertThat(a.path("data_target").asText()).isEqualTo("cloud");
        assertThat(records(PaymentRecord.Kind.FIXED_CHARGE)).singleElement()
                .satisfies(r -> assertThat(r.amountFen()).isEqualTo(10));
    }

    @Test
    void updateBalance42IsKeptAndNotAnswered() throws Exception {
        // 4.2: 车场无需回复 - the booth keeps it and sends nothing back
        booth.cloud().pushDownlink(RunningBooth.json("{'autopay':1,'balance':'28.3','service_name':'update_balance',"
                + "'car_number':'新FFFDD3'}"));
        await().atMost(Duration.ofSeconds(10)).until(() -> store().balance("新FFFDD3").isPresent());
        PaymentStore.Balance b = store().balance("新FFFDD3").orElseThrow();
        assertThat(b.balanceFen()).isEqualTo(2830);
        assertThat(b.autopay()).isTrue();
    }

    @Test
    void sweepcode74ForALaneThatIsNoExitOfThisBoothIsRefused() throws Exception {
        ObjectNode a = booth.push("{'service_name':'sweepcode','type':1,'channel_id':'A1','authcode':'1345678901234'}");
        assertThat(a.path("state").asInt()).isZero();
        assertThat(a.path("errmsg").asText()).contains("不是本岗亭的出口");
    }

    @Test
    void totalsByChannelSubtractRefundsAndChangeAndLeaveOutFailuresAndDiscounts() {
        Instant shift = Instant.parse("2001-01-01T08:00:00Z"); // a shift of its own: no other test's records
        store().record(new PaymentRecord(PaymentRecord.Kind.OUTPARK, "t-a", "o-a", "B1", "京A1", 1, "scancode",
                "wechat", 700, 700L, 0L, "a1", "", shift));
        store().record(new PaymentRecord(PaymentRecord.Kind.OUTPARK, "t-b", "o-b", "B1", "京A2", 1, "sweepcode",
                "alipay", 500, 500L, 0L, "a1", "", shift.plusSeconds(60)));
        store().record(new PaymentRecord(PaymentRecord.Kind.OUTPARK, "t-c", "o-c", "B1", "京A3", 0, "sweepcode",
                "alipay", 900, null, null, "a1", "失败", shift.plusSeconds(90)));
        store().record(new PaymentRecord(PaymentRecord.Kind.REFUND, "t-d", "o-a", null, "京A1", 1, "refund",
                "wechat", 200, null, null, "a1", "", shift.plusSeconds(120)));
        store().record(new PaymentRecord(PaymentRecord.Kind.CHARGING, "t-e", "o-b", null, "京A2", 1, "pay_notice",
                "charging", 300, null, null, "a1", "", shift.plusSeconds(130)));
        assertThat(store().totalsByChannel(shift, shift.plusSeconds(3600)))
                .containsOnly(java.util.Map.entry("alipay", 500L), java.util.Map.entry("charging", 0L),
                        java.util.Map.entry("wechat", 500L));
    }
}
