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
}
