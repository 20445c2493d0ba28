package com.boothdesk.sdk.message.uplink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import com.boothdesk.sdk.message.MessageValidationException;
import com.boothdesk.sdk.protocol.Catalogue;
import com.boothdesk.sdk.protocol.ProtocolValidator;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** 2.44 as the booth writes it: the notes' fields, money as yuan text, a debt above 0; read back the same. */
class LaterPayOrderTest {

    static LaterPayOrder sample(Long debt) {
        return new LaterPayOrder("A1_2C1764000000", "京A12345", "A1", 1764000000L, "B1", 1764010800L, "小车", 700L,
                debt, "先走后付 司机未带手机", "laterpay-A1_2C1764000000");
    }

    @Test
    void writtenWithTheNotesFieldsAndReadBack() {
        ObjectNode o = sample(700L).toJson();
        assertThat(o.path("service_name").asText()).isEqualTo("laterpay_order_upload");
        assertThat(o.path("data_target").asText()).isEqualTo("cloud");
        assertThat(o.path("price").asText()).isEqualTo("7.00");
        assertThat(o.path("amount_receivable").asText()).isEqualTo("7.00");
        assertThat(o.path("end_time").asLong()).isEqualTo(1764010800L);
        assertThat(LaterPayOrder.fromJson(o).toJson()).isEqualTo(o);
        assertThat(new ProtocolValidator(Catalogue.get()).validate(o).ok()).isTrue();
    }

    @Test
    void aDebtOfNothingOrAMissingKeyIsRefused() {
        assertThatThrownBy(() -> sample(0L).toJson()).isInstanceOf(MessageValidationException.class)
                .hasMessageContaining("price");
        assertThatThrownBy(() -> new LaterPayOrder(null, "京A1", "A1", 1L, "B1", 2L, null, 1L, 1L, null, "u")
                .toJson()).hasMessageContaining("order_id");
    }
}
