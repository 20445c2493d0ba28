package com.boothdesk.sdk.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.boothdesk.sdk.protocol.Catalogue;
import com.boothdesk.sdk.protocol.ProtocolValidator;
import com.boothdesk.sdk.protocol.Validation;
import com.boothdesk.sdk.wire.WireCodec;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

/** 2.3 upload_order from the notes' real example, and the generic carrier of the "fields unknown" uplinks. */
class UploadOrderAndGenericTest {

    private static final ProtocolValidator VALIDATOR = new ProtocolValidator(Catalogue.get());

    @Test
    void uploadOrderReadsTheRealExampleAndWritesACleanUploadOrder() throws Exception {
        ObjectNode real = WireCodec.parseObject("{\"pay_state\":0,\"in_time\":1521684057,\"out_time\":1521687033,"
                + "\"uid\":\"2\",\"duration\":50,\"car_type\":\"临时车\",\"c_type\":\"自动识别\",\"out_type\":\"自动识别\","
                + "\"pay_type\":\"cash\",\"auth_code\":\"\",\"empty_plot\":100,\"freereasons\":\"0\","
                + "\"in_channel_id\":\"1\",\"out_channel_id\":\"101\",\"worksite_id\":0,\"ticket_id\":0,"
                + "\"reduce_amount\":\"0\",\"amount_receivable\":\"6\",\"total\":\"6\",\"electronic_prepay\":\"0\","
                + "\"electronic_pay\":\"0\",\"cash_prepay\":\"0\",\"cash_pay\":\"6\",\"out_uid\":\"2\",\"user_type\":1,"
                + "\"islocked\":0,\"lock_key\":2345,\"remark\":\"\",\"state\":0,\"errmsg\":\"\",\"outPic\":36296,"
                + "\"service_name\":\"upload_order\",\"data_target\":\"cloud\",\"order_id\":\"24442\","
                + "\"car_number\":\"晋A1905Q\"}");
        UploadOrder u = UploadOrder.fromJson(real);
        assertThat(u.order().orderId()).isEqualTo("24442");
        assertThat(u.order().totalFen()).isEqualTo(600);
        ObjectNode written = u.toJson();
        assertThat(written.path("service_name").asText()).isEqualTo("upload_order");
        assertThat(written.path("data_target").asText()).isEqualTo("cloud");
        assertThat(written.path("total").asText()).isEqualTo("6.00");
        assertThat(written.path("cash_pay").asText()).isEqualTo("6.00");
        Validation v = VALIDATOR.validate(written);
        assertThat(v.spec()).hasValueSatisfying(s -> assertThat(s.toc()).isEqualTo("2.3"));
        assertThat(v.ok()).as(v.issues().toString()).isTrue();
        assertThat(UploadOrder.fromJson(written)).isEqualTo(u);
    }

    @Test
    void uploadOrderViolationsNameUploadOrder() {
        OutPark noOrder = OutPark.builder().carNumber("京A12345").inTimeEpochSec(1).outTimeEpochSec(2).uid("1")
                .carType("小车").cType("自动识别").payType(PayType.CASH).totalFen(100).amountReceivableFen(100)
                .outUid("1").build();
        assertThatThrownBy(() -> new UploadOrder(noOrder).toJson()).isInstanceOf(MessageValidationException.class)
                .hasMessageStartingWith("upload_order: ").hasMessageContaining("order_id: required");
    }

    @Test
    void genericUplinkKeepsEveryFieldAndRoundTrips() throws Exception {
        ObjectNode shift = WireCodec.parseObject("{\"service_name\":\"shift_record\",\"data_target\":\"bolink\","
                + "\"user_id\":\"325101\",\"next_user_id\":\"325102\",\"handover_time\":1700000000,"
                + "\"cash\":\"120.50\",\"detail\":{\"orders\":[1,2]},\"remark\":null}");
        GenericUplink g = GenericUplink.fromJson(shift);
        assertThat(g.serviceName()).isEqualTo("shift_record");
        assertThat(g.fields().has("service_name")).isFalse();
        assertThat(g.fields().path("detail").path("orders").size()).isEqualTo(2);
        assertThat(g.toJson()).isEqualTo(shift);
        assertThat(WireCodec.toJson(g.toJson())).isEqualTo(WireCodec.toJson(shift));
        assertThat(VALIDATOR.validate(g.toJson()).issues()).singleElement()
                .satisfies(i -> assertThat(i.rule()).contains("generic message"));
    }

    @Test
    void genericUplinkChecksOnlyWhatTheWireNeeds() {
        assertThatThrownBy(() -> new GenericUplink(" ", "tcy", null).toJson())
                .isInstanceOf(MessageValidationException.class).hasMessageContaining("service_name: required")
                .hasMessageContaining("data_target: one of");
        assertThatThrownBy(() -> new GenericUplink("bad name", "cloud", null).toJson())
                .hasMessageContaining("service_name: only [0-9A-Za-z_]");
    }
}
