package com.boothdesk.app.cloud;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.boothdesk.app.BoothApp;
import com.boothdesk.app.domain.lane.LanePhase;
import com.boothdesk.app.domain.lists.MonthlyCard;
import com.boothdesk.app.testing.RunningBooth;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The park downlinks pushed by the cloud simulator over the real TCP link into the running booth: each answer as the
 * cloud receives it, and its effect in H2 or on the lane.
 */
class ParkDownlinksTest {

    static final Duration WAIT = RunningBooth.WAIT;

    @TempDir
    Path data;
    RunningBooth booth;
    BoothApp app;

    @BeforeEach
    void start() {
        booth = RunningBooth.start(data);
        app = booth.app;
    }

    @AfterEach
    void stop() {
        booth.close();
    }

    private void monthCard() throws Exception {
        assertThat(booth.push("{'service_name':'month_card_sync','data':{'operate_type':1,'price':100.00,"
                + "'park_id':'24155','name':'月租','package_id':'P1','period':'月','car_type':'','end_type':0}}")
                .path("state").asInt()).isEqualTo(1);
        // valid until 2026-11-30 (end_time 2026-12-01 00:00 Shanghai covers the day before)
        assertThat(booth.push("{'service_name':'month_member_sync','data':{'begin_time':1793462400,'park_id':'24155',"
                + "'car_number':'京G00000','pid':'P1','p_lot':'1','card_id':'100000','operate_type':1,'price':100.0,"
                + "'end_time':1796054400,'name':'李四'}}").path("state").asInt()).isEqualTo(1);
    }

    private MonthlyCard card() {
        return app.lists().lookup("京G00000", booth.clock.instant()).monthly().orElseThrow();
    }

    @Test
    void pricesComeFromThePackagesAndAnOnlineRenewalExtendsTheCardOnce() throws Exception {
        monthCard();
        assertThat(card().validTo()).isEqualTo(LocalDate.of(2026, 11, 30));

        ObjectNode renewal = booth.push("{'trade_no':'Q1','months':'2','start_time':'1796054400','period':'月',"
                + "'service_name':'query_prodprice','car_number':'京G00000','card_id':'100000'}");
        assertThat(renewal.path("state").asInt()).isEqualTo(1);
        assertThat(renewal.path("price").asText()).isEqualTo("200.00");
        assertThat(renewal.path("trade_no").asText()).isEqualTo("Q1");
        assertThat(renewal.path("data_target").asText()).isEqualTo("cloud");

        ObjectNode fresh = booth.push("{'start_time':1796054400,'months':3,'service_name':'query_newprodprice',"
                + "'car_number':'京DDDDDD','trade_no':'Q2','pid':'P1','comid':'3251'}");
        assertThat(fresh.path("price").asText()).isEqualTo("300.00");
        ObjectNode noPackage = booth.push("{'months':1,'service_name':'query_newprodprice','trade_no':'Q3','pid':'X'}");
        assertThat(noPackage.path("state").asInt()).isZero();
        assertThat(noPackage.path("errmsg").asText()).isEqualTo("未找到套餐 X");

        String pay = "{'account_type':1,'months':1,'service_name':'monthcard_pay','park_id':'24155',"
                + "'remark':'收到月卡续费-京G00000','pay_money':100.0,'card_id':'100000','pay_time':1764000000,"
                + "'out_trade_no':'Q1','car_number':'京G00000','trade_no':'T-REN-1','pay_channel':0}";
        ObjectNode paid = booth.push(pay);
        assertThat(paid.path("state").asInt()).isEqualTo(1);
        assertThat(paid.path("errmsg").asText()).isEqualTo("月卡续费成功,有效期至 2026-12-31");
        assertThat(paid.path("trade_no").asText()).isEqualTo("T-REN-1");
        assertThat(paid.path("pay_money").asText()).isEqualTo("100.00");
        assertThat(paid.path("data_target").asText()).isEqualTo("bolink");
        assertThat(card().validTo()).isEqualTo(LocalDate.of(2026, 12, 31));
        // the cloud resends payment results: the same answer, no second month
        assertThat(booth.push(pay).path("errmsg").asText()).isEqualTo("月卡续费成功,有效期至 2026-12-31");
        assertThat(card().validTo()).isEqualTo(LocalDate.of(2026, 12, 31));

        ObjectNode unknown = booth.push("{'service_name':'monthcard_pay','months':1,'card_id':'999',"
                + "'trade_no':'T-REN-2','pay_money':1}");
        assertThat(unknown.path("state").asInt()).isZero();
        assertThat(unknown.path("errmsg").asText()).isEqualTo("月卡会员不存在 card_id=999");
    }

    @Test
    void theCityPlatformAsksAboutMonthlyAndSpecialCarsThroughTheParkInfoEnvelope() throws Exception {
        monthCard();
        ObjectNode vip = booth.push("{'service_name':'check_vip','park_id':'24155','union_id':1,"
                + "'car_number':'京G00000','amount':100,'start_time':'2026-11-25','end_time':'2026-11-30'}");
        assertThat(vip.path("service_name").asText()).isEqualTo("parkInfo");
        assertThat(vip.path("path").asText()).isEqualTo("commapi/upMessage");
        assertThat(vip.path("data").path("service_name").asText()).isEqualTo("check_vip");
        assertThat(vip.path("data").path("state").asInt()).isEqualTo(1);
        ObjectNode beyond = booth.push("{'service_name':'check_vip','car_number':'京G00000','amount':100,"
                + "'start_time':'2026-11-25','end_time':'2027-01-31'}");
        assertThat(beyond.path("data").path("state").asInt()).isZero();

        ObjectNode info = booth.push("{'service_name':'query_car_info','park_id':'24155','union_id':1,"
                + "'car_number':'京G00000','type':0,'message_uuid':'mu1'}");
        ObjectNode inner = (ObjectNode) info.path("data");
        assertThat(inner.path("state").asInt()).isEqualTo(1);
        assertThat(inner.path("message_uuid").asText()).isEqualTo("mu1");
        assertThat(inner.path("data").path("card_id").asText()).isEqualTo("100000");
        assertThat(inner.path("data").path("end_time").asText()).isEqualTo("2026-11-30");
        assertThat(inner.path("data").path("user_name").asText()).isEqualTo("李四");
        assertThat(booth.push("{'service_name':'query_car_info','car_number':'京Z99999','type':1}").path("data")
                .path("state").asInt()).isZero();
    }

    @Test
    void theCloudsManualMatchMakesTheStayTheCarToPayAndTheFuzzyExitGoesUpAs217() throws Exception {
        String orderId = booth.enter("京A12345");
        booth.clock.advance(Duration.ofHours(3));
        booth.camera("SIM-CAM-B1").push("京A1234S");
        await().atMost(WAIT).until(() -> app.lane("B1").state().get().phase() == LanePhase.AWAITING_MATCH);

        ObjectNode wrongLane = booth.push("{'service_name':'confirm_order_inform','channel_id':'A1','order_id':'"
                + orderId + "','car_number':'京A1234S','event_id':'E1','park_id':'24155'}");
        assertThat(wrongLane.path("state").asInt()).isZero();
        ObjectNode match = booth.push("{'service_name':'confirm_order_inform','channel_id':'B1','order_id':'"
                + orderId + "','car_number':'京A1234S','event_id':'E1','comid':'1','park_id':'24155'}");
        assertThat(match.path("state").asInt()).isEqualTo(1);
        assertThat(match.path("event_id").asText()).isEqualTo("E1");
        assertThat(match.path("data_target").asText()).isEqualTo("cloud");
        await().atMost(WAIT).until(() -> app.lane("B1").state().get().phase() == LanePhase.AWAITING_PAYMENT);
        assertThat(app.lane("B1").state().get().order().orderId()).isEqualTo(orderId);

        // paid online in full: the exit releases the car under the stay's plate, read as 京A1234S
        ObjectNode prepay = booth.push("{'service_name':'prepay_order','order_id':'" + orderId + "',"
                + "'car_number':'京A12345','prepay':7.0,'trade_no':'T-F1','pay_channel':0,'pay_time':"
                + booth.clock.instant().getEpochSecond() + "}");
        assertThat(prepay.path("state").asInt()).isEqualTo(1);
        await().atMost(WAIT).until(() -> app.lane("B1").state().get().phase() == LanePhase.RELEASED);
        await().atMost(WAIT).until(() -> !booth.cloud().received("upload_confirm_order").isEmpty());
        ObjectNode event = booth.cloud().received("upload_confirm_order").get(0).data();
        assertThat(event.path("car_number").asText()).isEqualTo("京A1234S");
        assertThat(event.path("channel_id").asText()).isEqualTo("B1");
        assertThat(event.path("event_id").asText()).startsWith("CF").hasSizeLessThanOrEqualTo(24);
    }

    @Test
    void aPlateCorrectedByTheCloudIsSentAgainWithForceUpdate() throws Exception {
        String orderId = booth.enter("京AZXC88");
        await().atMost(WAIT).until(() -> booth.cloud().received("in_park").size() == 1);
        assertThat(booth.push("{'service_name':'change_car_number','old_car_number':'京AZXC88',"
                + "'new_car_number':'京AZXC99','order_id':'" + orderId + "','message_uuid':'4a5b'}").path("state")
                .asInt()).isEqualTo(1);
        await().atMost(WAIT).until(() -> booth.cloud().received("in_park").size() == 2);
        ObjectNode again = booth.cloud().received("in_park").get(1).data();
        assertThat(again.path("car_number").asText()).isEqualTo("京AZXC99");
        assertThat(again.path("order_id").asText()).isEqualTo(orderId);
        assertThat(again.path("force_update").asInt()).isEqualTo(1);
    }

    @Test
    void couponsChosenByAMemberReduceTheNextPrice() throws Exception {
        String orderId = booth.enter("京DTTT33");
        booth.clock.advance(Duration.ofHours(3));
        assertThat(booth.push("{'service_name':'deliver_ticket','ticket_id':'200002','car_number':'京DTTT33',"
                + "'ticket_type':0,'money':'5','create_time':" + booth.clock.instant().getEpochSecond() + "}")
                .path("state").asInt()).isEqualTo(1);
        ObjectNode used = booth.push("{'member_id':'liu20190729id001','points_use':0,"
                + "'coupon_choose':[{'coupon_id':'200002'}],'service_name':'member_discount',"
                + "'request_no':'member_discount1564538903576','car_number':'京DTTT33','order_id':'" + orderId + "'}");
        assertThat(used.path("state").asInt()).isEqualTo(1);
        assertThat(used.path("request_no").asText()).isEqualTo("member_discount1564538903576");
        assertThat(used.path("data_target").asText()).isEqualTo("bolink");
        ObjectNode price = booth.push("{'service_name':'query_price','order_id':'" + orderId + "',"
                + "'car_number':'京DTTT33','pay_scene':0,'query_order_no':'q'}");
        assertThat(price.path("price").asText()).isEqualTo("2.00");
        assertThat(price.path("derate_money").asText()).isEqualTo("5.00");

        ObjectNode unknown = booth.push("{'service_name':'member_discount','request_no':'r2','car_number':'京DTTT33',"
                + "'order_id':'" + orderId + "','coupon_choose':[{'coupon_id':'nope'}]}");
        assertThat(unknown.path("state").asInt()).isZero();
        assertThat(unknown.path("errmsg").asText()).isEqualTo("未知的电子券 nope");
    }

    @Test
    void validityPassThroughAndTheSpacesQueryWithoutAName() throws Exception {
        long soon = booth.clock.instant().plus(Duration.ofDays(3)).getEpochSecond();
        ObjectNode valid = booth.push("{'service_name':'park_valid','park_id':'24155','uuid':'u-1','exp_time':"
                + soon + "}");
        assertThat(valid.path("state").asInt()).isEqualTo(1);
        assertThat(valid.path("uuid").asText()).isEqualTo("u-1");
        assertThat(app.protocol().validityWarning()).contains("车场有效期至 2026-11-28");
        // the header's port: the last valid day, not yet ended; a later 3.35 a month away clears the warning
        assertThat(app.protocol().validity()).contains(new ParkDownlinks.Validity(LocalDate.of(2026, 11, 28), false));
        booth.clock.advance(Duration.ofDays(4));
        assertThat(app.protocol().validity()).contains(new ParkDownlinks.Validity(LocalDate.of(2026, 11, 28), true));
        assertThat(booth.push("{'service_name':'park_valid','uuid':'u-2','exp_time':"
                + booth.clock.instant().plus(Duration.ofDays(30)).getEpochSecond() + "}").path("state").asInt())
                .isEqualTo(1);
        assertThat(app.protocol().validity()).isEmpty();
        assertThat(app.protocol().park().parkValidUntil()).as("kept in H2 too").isPresent();

        ObjectNode pass = booth.push("{'data':{'authUuid':'abc-type_1','plateNo':'京ABCDE1'},"
                + "'service_name':'pass_through','park_id':'24155','uuid':'d5317bbf'}");
        assertThat(pass.path("state").asInt()).isEqualTo(1);
        assertThat(pass.path("uuid").asText()).isEqualTo("d5317bbf");
        booth.push("{'data':{'plateNo':'京ABCDE1'},'service_name':'pass_through','uuid':'d5317bbf'}");
        assertThat(app.protocol().park().passThroughBodies(10)).singleElement().asString().contains("京ABCDE1");

        ObjectNode spaces = booth.push("{'service_name':'query_park_empty','comid':'24155','query_time':"
                + booth.clock.instant().getEpochSecond() + ",'source':0}");
        assertThat(spaces.path("state").asInt()).isEqualTo(1);
        assertThat(spaces.path("empty_total").asInt()).isEqualTo(app.spaces().free());
        assertThat(spaces.path("carport_total").asInt()).isGreaterThanOrEqualTo(app.spaces().free());
        assertThat(spaces.path("service_name").asText()).as("answered under the name it came with")
                .isEqualTo("query_park_empty");
    }
}
