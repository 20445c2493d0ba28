package com.boothdesk.sdk.message.uplink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import com.boothdesk.sdk.message.MessageValidationException;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** 2.22 as the booth writes it: the configured name, bolink, money as yuan text; read back the same. */
class ShiftHandoverTest {

    static ShiftHandover sample(String name, Long counted) {
        return new ShiftHandover(name, "SH1", "booth1", "a1", null, "a1", 1764000000L, 1764028800L, 12L, 12350L, 200L,
                12150L, 6500L, 5650L, 0L, 0L, 1L, 500L, 0L, 0L, 2L, 14L, 12L, 6500L, counted,
                counted == null ? null : counted - 6500, null);
    }

    @Test
    void writtenUnderTheConfiguredNameWithMoneyAsYuanText() {
        ObjectNode o = sample("upload_shift_handover", 6400L).toJson();
        assertThat(o.path("service_name").asText()).isEqualTo("upload_shift_handover");
        assertThat(o.path("data_target").asText()).isEqualTo("bolink");
        assertThat(o.fieldNames().next()).isEqualTo("service_name");
        assertThat(o.path("total").asText()).isEqualTo("121.50");
        assertThat(o.path("counted_cash").asText()).isEqualTo("64.00");
        assertThat(o.path("cash_diff").asText()).isEqualTo("-1.00");
        assertThat(o.has("next_user_id")).isFalse();
        assertThat(o.path("remark").asText()).isEmpty();
        assertThat(ShiftHandover.fromJson(o).toJson()).isEqualTo(o);
        assertThat(sample("upload_shift_handover", null).toJson().has("counted_cash")).isFalse();
    }

    @Test
    void aNameThatIsNoWireNameOrAMissingShiftIsRefused() {
        assertThatThrownBy(() -> sample("交接班", 1L).toJson()).isInstanceOf(MessageValidationException.class)
                .hasMessageContaining("service_name");
        assertThatThrownBy(() -> new ShiftHandover("x", null, null, "a1", null, null, 1L, 2L, null, null, null, null,
                null, null, null, null, null, null, null, null, null, null, null, null, null, null, null).toJson())
                .hasMessageContaining("uuid");
    }

    /** Today's 2.22 text, pinned byte for byte: StaffUplinks maps the shift onto this record and nothing else. */
    @Test
    void theWrittenTextIsPinned() {
        assertThat(com.boothdesk.sdk.wire.WireCodec.toJson(sample("upload_shift_handover", 6400L).toJson()))
                .isEqualTo("{\"service_name\":\"upload_shift_handover\",\"data_target\":\"bolink\","
                        + "\"uuid\":\"SH1\",\"work_station_uuid\":\"booth1\",\"user_id\":\"a1\",\"closed_by\":\"a1\","
                        + "\"start_time\":1764000000,\"end_time\":1764028800,\"order_count\":12,"
                        + "\"amount_receivable\":\"123.50\",\"reduce_amount\":\"2.00\",\"total\":\"121.50\","
                        + "\"cash_pay\":\"65.00\",\"electronic_pay\":\"56.50\",\"electronic_prepay\":\"0.00\","
                        + "\"wallet_pay\":\"0.00\",\"free_count\":1,\"free_amount\":\"5.00\",\"norecord_count\":0,"
                        + "\"norecord_amount\":\"0.00\",\"liftrod_count\":2,\"in_count\":14,\"out_count\":12,"
                        + "\"expected_cash\":\"65.00\",\"counted_cash\":\"64.00\",\"cash_diff\":\"-1.00\",\"remark\":\"\"}");
    }
}
