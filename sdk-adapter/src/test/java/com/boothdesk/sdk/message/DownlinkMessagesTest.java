package com.boothdesk.sdk.message;

import static org.assertj.core.api.Assertions.assertThat;

import com.boothdesk.sdk.protocol.Catalogue;
import com.boothdesk.sdk.protocol.ProtocolValidator;
import com.boothdesk.sdk.protocol.Validation;
import com.boothdesk.sdk.wire.WireCodec;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

/** Golden tests of the typed payment downlinks and their answers, from the notes' examples. */
class DownlinkMessagesTest {

    final ProtocolValidator validator = new ProtocolValidator(Catalogue.get());

    @Test
    void queryPriceExampleAndItsAnswer() throws Exception {
        QueryPrice q = QueryPrice.fromJson(WireCodec.parseObject("{\"query_order_no\":\"218402018060000000p-863\","
                + "\"park_id\":\"20003\",\"car_number\":\"62000F9\",\"service_name\":\"query_price\","
                + "\"order_id\":\"15000001195\",\"pay_scene\":0}"));
        assertThat(q.payScene().known()).contains(Codes.PriceQueryScene.IN_LOT_PREPAY);
        ObjectNode a = q.answer("15000001195", "62000F9", 1, 1, 1, 100, 1505800598L, 0);
        assertThat(WireCodec.toJson(a)).isEqualTo("{\"service_name\":\"query_price\",\"data_target\":\"bolink\","
                + "\"state\":1,\"errmsg\":\"success\",\"park_id\":\"20003\",\"order_id\":\"15000001195\","
                + "\"car_number\":\"62000F9\",\"price\":\"0.01\",\"total\":\"0.01\",\"duration\":1,"
                + "\"free_out_time\":100,\"query_time\":1505800598,\"derate_money\":\"0.00\","
                + "\"query_order_no\":\"218402018060000000p-863\"}");
        Validation v = validator.validate(a);
        assertThat(v.role()).isEqualTo(Validation.Role.REPLY);
        assertThat(v.issues()).isEmpty();
        assertThat(validator.validate(q.notFound("未查询到此订单")).ok()).isTrue();
    }

    @Test
    void outparkExampleIsReadInFenAndAcknowledged() throws Exception {
        PaymentNotice p = PaymentNotice.fromJson(WireCodec.parseObject("{\"state\":1,\"pay_type\":\"wallet\","
                + "\"pay_channel\":2,\"errmsg\":\"支付成功\",\"service_name\":\"outpark\","
                + "\"trade_no\":\"201704012000121122232\",\"total\":0.04,\"pay_time\":1490875200,"
                + "\"order_id\":\"325101\",\"car_number\":\"京GH0093\",\"out_channel_id\":\"A1\","
                + "\"arrive_money\":0.01,\"account_type\":1,\"fee\":0.0}"));
        assertThat(p.paid()).isTrue();
        assertThat(p.amountFen()).isEqualTo(4);
        assertThat(p.payChannel().known()).contains(Codes.PayChannel.BALANCE);
        ObjectNode ack = p.acknowledge(true, "支付成功");
        assertThat(WireCodec.toJson(ack)).isEqualTo("{\"service_name\":\"outpark\",\"data_target\":\"bolink\","
                + "\"state\":1,\"errmsg\":\"支付成功\",\"trade_no\":\"201704012000121122232\",\"order_id\":\"325101\"}");
        assertThat(validator.validate(ack).issues()).isEmpty();
    }

    @Test
    void prepayOrderCarriesNoStateAndCountsAsPaid() throws Exception {
        PaymentNotice p = PaymentNotice.fromJson(WireCodec.parseObject("{\"query_order_no\":\"2184020190220180800p-645\","
                + "\"trade_no\":\"201704012000121122232\",\"remark\":\"收到停车费-京G00000\",\"car_number\":\"京G00000\","
                + "\"prepay_type\":1,\"arrive_money\":0.01,\"prepay\":5,\"order_id\":\"170915144221_101\","
                + "\"service_name\":\"prepay_order\",\"pay_channel\":7,\"park_id\":\"21823\"}"));
        assertThat(p.paid()).isTrue();
        assertThat(p.amountFen()).isEqualTo(500);
        assertThat(p.payChannel().toString()).isEqualTo("7 (unknown code)");
        ObjectNode ack = p.acknowledge(true, "success");
        assertThat(ack.path("prepay").asText()).isEqualTo("5.00");
        assertThat(validator.validate(ack).ok()).isTrue();
    }
}
