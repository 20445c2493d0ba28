package com.boothdesk.sdk.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.boothdesk.sdk.wire.WireCodec;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

class InOutParkTest {

    @Test
    void inParkWritesTheDocumentedFieldsAndTypes() {
        ObjectNode o = new InPark("京GH0093", 1490875218L, "大车", "通道扫牌", "325101", "325101", 20, "A1").toJson();
        assertThat(WireCodec.toJson(o)).isEqualTo("{\"service_name\":\"in_park\",\"car_number\":\"京GH0093\","
                + "\"in_time\":1490875218,\"car_type\":\"大车\",\"c_type\":\"通道扫牌\",\"uid\":\"325101\","
                + "\"order_id\":\"325101\",\"empty_plot\":20,\"in_channel_id\":\"A1\"}");
    }

    @Test
    void inParkReadsTheDocExampleTolerantly() throws Exception {
        ObjectNode doc = WireCodec.parseObject("{\"car_type\":\"大车\",\"uid\":\"325101\",\"car_number\":\"京GH0093\","
                + "\"in_time\":\"1490875218\",\"order_id\":\"325101\",\"in_channel_id\":\"A1\",\"worksite_id\":23,"
                + "\"c_type\":\"通道扫牌\",\"empty_plot\":20,\"remark\":\"入场信息备注\"}");
        InPark p = InPark.fromJson(doc);
        assertThat(p.inTimeEpochSec()).isEqualTo(1490875218L);
        assertThat(p.remark()).isEqualTo("入场信息备注");
        assertThat(InPark.fromJson(p.toJson())).isEqualTo(p);
    }

    @Test
    void inParkValidationNamesFieldRuleAndValue() {
        InPark bad = new InPark("京GH0093XYZ", 1L, "小车", "自动识别", "1", "A1-2", 5, "A1");
        assertThatThrownBy(bad::toJson).isInstanceOf(MessageValidationException.class)
                .hasMessageContaining("car_number: max length 8 (value: \"京GH0093XYZ\")")
                .hasMessageContaining("order_id: only [0-9A-Za-z_] (value: \"A1-2\")");
    }

    @Test
    void outParkWritesMoneyAsYuanText() {
        ObjectNode o = OutPark.builder().carNumber("粤B1H7S0").inTimeEpochSec(1576327327L)
                .outTimeEpochSec(1576327362L).uid("2").carType("临时车").cType("自动识别").payType(PayType.CASH)
                .emptyPlot(100).totalFen(600).orderId("24442").amountReceivableFen(650).cashPayFen(600L)
                .reduceAmountFen(50L).outUid("2").outChannelId("101").build().toJson();
        assertThat(o.get("total").asText()).isEqualTo("6.00");
        assertThat(o.get("total").isTextual()).isTrue();
        assertThat(o.get("amount_receivable").asText()).isEqualTo("6.50");
        assertThat(o.get("reduce_amount").asText()).isEqualTo("0.50");
        assertThat(o.get("in_time").isNumber()).isTrue();
        assertThat(o.has("electronic_pay")).isFalse();
        assertThat(o.get("service_name").asText()).isEqualTo("out_park");
        assertThat(OutPark.fromJson(o).cashPayFen()).isEqualTo(600L);
    }

    @Test
    void outParkSweepcodeNeedsAuthCode() {
        OutPark p = OutPark.builder().carNumber("京A12345").inTimeEpochSec(1).outTimeEpochSec(2).uid("1")
                .carType("小车").cType("自动识别").payType(PayType.SWEEPCODE).totalFen(100).orderId("o1")
                .amountReceivableFen(100).outUid("1").build();
        assertThatThrownBy(p::toJson).isInstanceOf(MessageValidationException.class)
                .hasMessageContaining("auth_code: required");
    }

    @Test
    void outParkReadsTheRealUploadOrderExample() throws Exception {
        ObjectNode real = WireCodec.parseObject("{\"pay_state\":0,\"in_time\":1521684057,\"out_time\":1521687033,"
                + "\"uid\":\"2\",\"duration\":50,\"car_type\":\"临时车\",\"c_type\":\"自动识别\",\"out_type\":\"自动识别\","
                + "\"pay_type\":\"cash\",\"auth_code\":\"\",\"empty_plot\":100,\"freereasons\":\"0\","
                + "\"in_channel_id\":\"1\",\"out_channel_id\":\"101\",\"worksite_id\":0,\"ticket_id\":0,"
                + "\"reduce_amount\":\"0\",\"amount_receivable\":\"6\",\"total\":\"6\",\"electronic_prepay\":\"0\","
                + "\"electronic_pay\":\"0\",\"cash_prepay\":\"0\",\"cash_pay\":\"6\",\"out_uid\":\"2\",\"user_type\":1,"
                + "\"islocked\":0,\"lock_key\":2345,\"remark\":\"\",\"state\":0,\"errmsg\":\"\",\"outPic\":36296,"
                + "\"service_name\":\"upload_order\",\"data_target\":\"cloud\",\"order_id\":\"24442\","
                + "\"car_number\":\"晋A1905Q\"}");
        OutPark p = OutPark.fromJson(real);
        assertThat(p.totalFen()).isEqualTo(600);
        assertThat(p.durationMinutes()).isEqualTo(50L);
        assertThat(p.ticketId()).isEqualTo("0");
        assertThat(p.toJson().get("total").asText()).isEqualTo("6.00");
    }
}
