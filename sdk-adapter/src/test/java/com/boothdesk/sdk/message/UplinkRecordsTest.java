package com.boothdesk.sdk.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.boothdesk.sdk.protocol.Catalogue;
import com.boothdesk.sdk.protocol.ProtocolValidator;
import com.boothdesk.sdk.protocol.Validation;
import com.boothdesk.sdk.wire.WireCodec;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

/** Golden tests of the typed uplinks 2.5, 2.11 and 2.17 against the notes' examples. */
class UplinkRecordsTest {

    private static final ProtocolValidator VALIDATOR = new ProtocolValidator(Catalogue.get());

    private static ObjectNode json(String s) throws Exception {
        return WireCodec.parseObject(s);
    }

    /** What a typed message writes is a clean request of its catalogue entry: no error, no warning, no extra. */
    private static void assertClean(ObjectNode written, String toc) {
        Validation v = VALIDATOR.validate(written);
        assertThat(v.spec()).hasValueSatisfying(s -> assertThat(s.toc()).isEqualTo(toc));
        assertThat(v.role()).isEqualTo(Validation.Role.REQUEST);
        assertThat(v.issues()).isEmpty();
        assertThat(v.extraFields()).isEmpty();
    }

    @Test
    void workRecordReadsTheNotesExampleAndWritesTheDocumentedTypes() throws Exception {
        ObjectNode doc = json("{\"service_name\":\"work_record\",\"data_target\":\"cloud\",\"user_id\":\"325101\","
                + "\"start_time\":1490886218,\"end_time\":1490886218,\"uuid\":\"1234567\",\"work_station_uuid\":21,"
                + "\"state\":0}");
        WorkRecord w = WorkRecord.fromJson(doc);
        assertThat(w.uuid()).isEqualTo("1234567");
        assertThat(w.userId()).isEqualTo("325101");
        assertThat(w.startTimeSec()).isEqualTo(1490886218L);
        assertThat(w.workStationUuid()).isEqualTo("21");
        assertThat(w.state().known()).contains(Codes.WorkState.ON_DUTY);
        ObjectNode written = w.toJson();
        // the example's Number work_station_uuid is written as the documented String
        assertThat(WireCodec.toJson(written)).isEqualTo("{\"service_name\":\"work_record\",\"data_target\":\"cloud\","
                + "\"uuid\":\"1234567\",\"user_id\":\"325101\",\"start_time\":1490886218,\"end_time\":1490886218,"
                + "\"work_station_uuid\":\"21\",\"state\":0}");
        assertClean(written, "2.5");
        assertThat(WorkRecord.fromJson(written)).isEqualTo(w);
        assertThat(VALIDATOR.validate(doc).issues()).extracting(i -> i.field()).containsExactly("work_station_uuid");
    }

    @Test
    void workRecordIsStrictWhenWritten() {
        assertThatThrownBy(() -> new WorkRecord("u1", "325101", null, null, null,
                Codes.of(Codes.WorkState.ON_DUTY)).toJson()).isInstanceOf(MessageValidationException.class)
                .hasMessageContaining("start_time: required");
        assertThatThrownBy(() -> new WorkRecord("u1", "325101", 1L, null, null,
                Codes.of(Codes.WorkState.OFF_DUTY)).toJson()).hasMessageContaining("end_time: required");
        WorkRecord odd = WorkRecord.fromJson(WireCodec.MAPPER.createObjectNode().put("uuid", "u1")
                .put("user_id", "1").put("start_time", "1490886218").put("state", 7));
        assertThat(odd.state().raw()).isEqualTo("7");
        assertThat(odd.startTimeSec()).isEqualTo(1490886218L);
        assertThatThrownBy(odd::toJson).hasMessageContaining("state: unknown code (value: \"7\")");
        assertThat(WorkRecord.offDuty("u2", "325101", 1490886218L, 1490915018L, "booth1").toJson()
                .path("state").asInt()).isEqualTo(1);
        assertClean(WorkRecord.onDuty("u3", "325101", 1490886218L, null).toJson(), "2.5");
    }

    @Test
    void uploadLiftrodReadsTheNotesExampleAndRoundTrips() throws Exception {
        ObjectNode doc = json("{\"service_name\":\"upload_liftrod\",\"data_target\":\"cloud\",\"liftrod_id\":\"10093\","
                + "\"operate\":1,\"create_time\":1490886218,\"update_time\":1490886218,\"reason\":50,"
                + "\"channel_id\":\"1008\",\"car_number\":\"京GH0093\",\"user_id\":\"20551\",\"order_id\":\"10099\","
                + "\"resume\":\"其它原因\"}");
        UploadLiftrod l = UploadLiftrod.fromJson(doc);
        assertThat(l.operate().known()).contains(Codes.LiftrodOperate.DROP);
        assertThat(l.reason()).isEqualTo(50);
        assertThat(l.resume()).isEqualTo("其它原因");
        ObjectNode written = l.toJson();
        // same fields and values as the notes' example (compared as parsed wire text, field order aside)
        assertThat(json(WireCodec.toJson(written))).isEqualTo(doc);
        assertClean(written, "2.11");
        assertThat(UploadLiftrod.fromJson(written)).isEqualTo(l);
    }

    @Test
    void uploadLiftrodIsStrictWhenWritten() throws Exception {
        UploadLiftrod bad = UploadLiftrod.fromJson(json("{\"liftrod_id\":\"1\",\"operate\":\"9\",\"reason\":\"100\","
                + "\"channel_id\":\"A1\",\"user_id\":\"\",\"order_id\":\"A-1\",\"car_number\":\"京GH0093XX\"}"));
        assertThat(bad.operate().toString()).isEqualTo("9 (unknown code)");
        assertThatThrownBy(bad::toJson).isInstanceOf(MessageValidationException.class)
                .hasMessageContaining("operate: unknown code (value: \"9\")")
                .hasMessageContaining("reason: must be 0..99 (value: \"100\")")
                .hasMessageContaining("user_id: required")
                .hasMessageContaining("order_id: only [0-9A-Za-z_] (value: \"A-1\")")
                .hasMessageContaining("car_number: max length 8");
        ObjectNode lift = new UploadLiftrod("L1", Codes.of(Codes.LiftrodOperate.LIFT), 1490886218L, null, null, "A1",
                "20551", null, null, null).toJson();
        assertThat(lift.path("operate").isNumber()).isTrue();
        assertThat(lift.path("operate").asInt()).isZero();
        assertClean(lift, "2.11");
    }

    @Test
    void uploadConfirmOrderReadsTheNotesExampleAndRoundTrips() throws Exception {
        ObjectNode doc = json("{\"service_name\":\"upload_confirm_order\",\"data_target\":\"cloud\","
                + "\"event_id\":\"QQ12293\",\"car_number\":\"苏DTTTTT\",\"upload_time\":1511597418,"
                + "\"channel_id\":\"150013\"}");
        UploadConfirmOrder c = UploadConfirmOrder.fromJson(doc);
        assertThat(c).isEqualTo(new UploadConfirmOrder("QQ12293", "苏DTTTTT", 1511597418L, "150013"));
        assertThat(WireCodec.toJson(c.toJson())).isEqualTo(WireCodec.toJson(doc));
        assertClean(c.toJson(), "2.17");
        assertThat(UploadConfirmOrder.fromJson(json("{\"event_id\":\"QQ1\",\"car_number\":\"苏D1\","
                + "\"upload_time\":\"1511597418\",\"channel_id\":150013}")).channelId()).isEqualTo("150013");
        assertThatThrownBy(() -> new UploadConfirmOrder("QQ12293", "苏DTTTTT", -1L, "").toJson())
                .hasMessageContaining("upload_time: must be >= 0").hasMessageContaining("channel_id: required");
    }
}
