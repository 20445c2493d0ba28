package com.boothdesk.sdk.message;

import static org.assertj.core.api.Assertions.assertThat;

import com.boothdesk.sdk.wire.WireCodec;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

/** Golden tests from the seed document's 2.19 examples. */
class QueryOrderTest {

    @Test
    void requestExampleOfTheSeedReadsAndWritesBack() throws Exception {
        ObjectNode seed = WireCodec.parseObject("{\"order_id\":\"A1_2C1516935325\",\"data_target\":\"bolink\","
                + "\"service_name\":\"query_order\",\"car_number\":\"苏BH0355\",\"time_temp\":1516934957889}");
        QueryOrder q = QueryOrder.fromJson(seed);
        assertThat(q).isEqualTo(new QueryOrder("A1_2C1516935325", "苏BH0355", 1516934957889L));
        assertThat(q.toJson()).isEqualTo(seed);
    }

    @Test
    void responseExampleWithAnElevenDigitStringTimeTempIsReadAndWrittenAsANumber() throws Exception {
        ObjectNode seed = WireCodec.parseObject("{\"data\":[{\"state\":1,\"car_number\":\"苏BH0355\","
                + "\"order_id\":\"A1_2C1516935325\",\"pay_type\":\"sweepcode\",\"pay_scene\":\"outpay\","
                + "\"money\":\"0.01\",\"in_time\":1516935325,\"out_time\":1516935360,"
                + "\"trade_no\":\"paauthcode2001591516935399756\",\"pay_channel\":0,\"pay_time\":1516935402,"
                + "\"errmsg\":\"查询成功\"}],\"service_name\":\"query_order\",\"time_temp\":\"15899230132\","
                + "\"query_order_no\":\"query_order21313123123123123\"}");
        QueryOrderResponse r = QueryOrderResponse.fromJson(seed);
        assertThat(r.timeTemp()).isEqualTo(15899230132L);
        assertThat(r.payments()).singleElement().satisfies(p -> {
            assertThat(p.moneyFen()).isEqualTo(1);
            assertThat(p.paid()).isTrue();
            assertThat(p.payChannel()).isZero();
        });
        assertThat(r.successFor("A1_2C1516935325")).isPresent();
        ObjectNode written = r.toJson();
        assertThat(written.get("time_temp").isNumber()).isTrue();
        ObjectNode expected = seed.deepCopy();
        expected.put("time_temp", 15899230132L);
        assertThat(WireCodec.toJson(written)).isEqualTo(WireCodec.toJson(expected));
    }
}
