package com.boothdesk.sdk.message.downlink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.boothdesk.sdk.wire.WireCodec;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Each record reads the example of the notes (cloud-protocol.md, the line given) and refuses what is missing. */
class DownlinkRecordsGoldenTest {

    static <T> T read(DownlinkType<T> type, String json) {
        try {
            ObjectNode o = WireCodec.parseObject(json);
            assertThat(o.path("service_name").asText()).isEqualTo(type.name().wire());
            return type.reader().read(DownlinkFields.of(o));
        } catch (com.boothdesk.sdk.wire.WireFormatException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void monthCardPayOfTheNotes() { // 3.10
        MonthCardPay p = read(MonthCardPay.TYPE, "{\"account_type\":1,\"months\":1,\"arrive_money\":0.01,"
                + "\"service_name\":\"monthcard_pay\",\"fee\":0.0,\"park_id\":\"123\",\"remark\":\"收到月卡续费-苏ABC456\","
                + "\"pid\":\"-1\",\"pay_money\":0.01,\"card_id\":\"11208809\",\"pay_time\":1626073398,"
                + "\"start_time\":1848585601,\"out_trade_no\":\"16260733899909846649\",\"car_number\":\"苏ABC456\","
                + "\"trade_no\":\"16260733899909846649\",\"pay_channel\":0}");
        assertThat(p).isEqualTo(new MonthCardPay("11208809", 1, Instant.ofEpochSecond(1848585601),
                "16260733899909846649", 1, "123", Instant.ofEpochSecond(1626073398), List.of("苏ABC456"), 0,
                "收到月卡续费-苏ABC456"));
        assertThatThrownBy(() -> read(MonthCardPay.TYPE, "{\"service_name\":\"monthcard_pay\",\"months\":1}"))
                .hasMessage("缺少字段 card_id");
        assertThatThrownBy(() -> read(MonthCardPay.TYPE, "{\"service_name\":\"monthcard_pay\",\"months\":0,"
                + "\"card_id\":\"1\",\"trade_no\":\"t\"}")).hasMessageContaining("months");
    }

    @Test
    void priceQueriesOfTheNotes() { // 3.11, 3.34
        MonthCardPriceQuery q = read(MonthCardPriceQuery.RENEWAL, "{\"trade_no\":\"20180727181725366421782\","
                + "\"local_id\":\"c48e8f750e19_2.1.2.5_liu_channels_A111\",\"comid\":\"20000\",\"months\":\"1\","
                + "\"start_time\":\"1538323200\",\"period\":\"年\",\"service_name\":\"query_prodprice\","
                + "\"car_number\":\"苏DTTTTT\",\"card_id\":\"100000\"}");
        assertThat(q.cardId()).isEqualTo("100000");
        assertThat(q.months()).isEqualTo(1);
        assertThat(q.period()).isEqualTo("年");
        assertThat(q.startTime()).isEqualTo(Instant.ofEpochSecond(1538323200));
        assertThat(q.packageId()).isNull();
        MonthCardPriceQuery n = read(MonthCardPriceQuery.NEW_CARD, "{\"start_time\":1575129600,\"months\":2,"
                + "\"local_id\":\"11111111111_2.2.2.0_liu_channels_东A13_2054\",\"service_name\":\"query_newprodprice\","
                + "\"car_number\":\"京DDDDDD\",\"trade_no\":\"15694908073524896745\",\"pid\":\"123456\",\"comid\":\"3251\"}");
        assertThat(n.packageId()).isEqualTo("123456");
        assertThat(n.months()).isEqualTo(2);
        assertThat(n.carNumbers()).containsExactly("京DDDDDD");
        assertThatThrownBy(() -> read(MonthCardPriceQuery.NEW_CARD, "{\"service_name\":\"query_newprodprice\","
                + "\"months\":2,\"trade_no\":\"t\"}")).hasMessage("缺少字段 pid");
    }

    @Test
    void confirmOrderInformParkValidMemberDiscountOfTheNotes() { // 3.17, 3.35, 3.30
        ConfirmOrderInform c = read(ConfirmOrderInform.TYPE, "{\"comid\":\"20000\",\"car_number\":\"苏DTTTTT\","
                + "\"event_id\":\"QQ12293aA6\",\"park_id\":\"test001\",\"service_name\":\"confirm_order_inform\","
                + "\"order_id\":\"A1_2C1526627698\",\"channel_id\":\"1994\"}");
        assertThat(c).isEqualTo(new ConfirmOrderInform("1994", "A1_2C1526627698", "苏DTTTTT", "QQ12293aA6", null));
        ParkValid v = read(ParkValid.TYPE, "{\"service_name\":\"park_valid\",\"park_id\":\"21840\","
                + "\"uuid\":\"b1b732ca-3952-43f8-a487-666af4ca2338\",\"exp_time\":1585627932}");
        assertThat(v.expTime()).isEqualTo(Instant.ofEpochSecond(1585627932));
        MemberDiscount m = read(MemberDiscount.TYPE, "{\"member_id\":\"liu20190729id001\",\"points_use\":0,"
                + "\"coupon_choose\":[{\"coupon_id\":\"200002\"}],\"service_name\":\"member_discount\","
                + "\"request_no\":\"member_discount1564538903576\",\"car_number\":\"京DTTT33\",\"order_id\":\"38320\"}");
        assertThat(m.couponIds()).containsExactly("200002");
        assertThat(m.pointsUse()).isZero();
        assertThatThrownBy(() -> read(MemberDiscount.TYPE, "{\"service_name\":\"member_discount\","
                + "\"request_no\":\"r\",\"order_id\":\"o\",\"car_number\":\"京A1\",\"coupon_choose\":7}"))
                .hasMessageContaining("coupon_choose");
    }

    @Test
    void cityPlatformQuestionsAndPassThrough() { // 3.38, 3.40, 3.22
        CheckVip v = read(CheckVip.TYPE, "{\"service_name\":\"check_vip\",\"park_id\":\"1\",\"union_id\":2,"
                + "\"car_number\":\"京A12345\",\"amount\":100.5,\"start_time\":\"2024-01-01\",\"end_time\":\"2024-01-31\"}");
        assertThat(v.amountFen()).isEqualTo(10050);
        assertThat(v.startDate()).isEqualTo(LocalDate.of(2024, 1, 1));
        assertThat(v.endDate()).isEqualTo(LocalDate.of(2024, 1, 31));
        QueryCarInfo q = read(QueryCarInfo.TYPE, "{\"service_name\":\"query_car_info\",\"car_number\":\"京A1\","
                + "\"type\":1,\"message_uuid\":\"m\"}");
        assertThat(q.special()).isTrue();
        assertThatThrownBy(() -> read(QueryCarInfo.TYPE, "{\"service_name\":\"query_car_info\",\"type\":0}"))
                .hasMessage("缺少字段 car_number");
        PassThrough p = read(PassThrough.TYPE, "{\"data\":{\"authUuid\":\"abc-type_1234567890\",\"plateNo\":\"京ABCDE1\"},"
                + "\"service_name\":\"pass_through\",\"park_id\":\"20000\",\"uuid\":\"d5317bbf-ab28-45c8-9ffa-c5cf7046b04a\"}");
        assertThat(p.uuid()).isEqualTo("d5317bbf-ab28-45c8-9ffa-c5cf7046b04a");
        assertThat(p.data().path("plateNo").asText()).isEqualTo("京ABCDE1");
    }

    @Test
    void answersAreWrittenStrictly() {
        assertThatThrownBy(() -> DownlinkReply.ok(" ")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DownlinkReply.state(3, "x")).isInstanceOf(IllegalArgumentException.class);
        DownlinkReply r = DownlinkReply.ok("月卡续费成功").withMoney("pay_money", 1).with("trade_no", "t");
        assertThat(r.toString()).isEqualTo("{\"state\":1,\"errmsg\":\"月卡续费成功\",\"pay_money\":\"0.01\",\"trade_no\":\"t\"}");
        assertThat(DownlinkReply.refused("x".repeat(500)).errmsg()).hasSize(DownlinkReply.MAX_ERRMSG);
    }
}
