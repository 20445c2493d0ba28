package com.boothdesk.sdk.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import com.boothdesk.sdk.wire.WireCodec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every JSON example of the notes and the seed (155, both directions, requests and answers) is read by the catalogue:
 * each named one matches an entry and has no ERROR, except the examples listed here whose defect is the document's
 * own (each with its reason; the test also fails if one of them stops having an error, so the list cannot go stale).
 */
class GoldenExamplesTest {

    static final Map<String, String> DOCUMENT_DEFECTS = Map.ofEntries(
            Map.entry("cloud-protocol.md:373", "real SDK 2.1.0.0 capture: only five keys on the wire"),
            Map.entry("cloud-protocol.md:422", "real SDK 2.1.0.0 capture: key \"empty_ plot\" with a space"),
            Map.entry("cloud-protocol.md:586", "the notes elide the value (\"1510…\")"),
            Map.entry("cloud-protocol.md:699", "HTTP-mode message: data_target is not sent in HTTP mode"),
            Map.entry("cloud-protocol.md:718", "HTTP-mode message: data_target is not sent in HTTP mode"),
            Map.entry("cloud-protocol.md:1100", "the doc's example omits the required remark"),
            Map.entry("cloud-protocol.md:1101", "2017 message, older than the required fields"),
            Map.entry("cloud-protocol.md:1279", "real example with the key \"end_time \" (trailing space)"),
            Map.entry("cloud-protocol.md:1307", "the notes elide the value (\"…\")"),
            Map.entry("cloud-protocol.md:1334", "the doc's example puts account_type outside data, lacks actual_money"),
            Map.entry("cloud-protocol.md:1360", "HTTP twin: data_target is not sent in HTTP mode"),
            Map.entry("cloud-protocol.md:1534", "the doc's example reply omits the car_number its table requires"));

    final ProtocolValidator validator = new ProtocolValidator(Catalogue.get());

    @Test
    void everyNamedExampleMatchesACatalogueEntryWithoutErrors() {
        List<GoldenExamples.Example> all = GoldenExamples.all();
        assertThat(all).hasSizeGreaterThanOrEqualTo(150);
        List<String> failures = new ArrayList<>();
        int named = 0;
        int requests = 0;
        int replies = 0;
        for (GoldenExamples.Example e : all) {
            if (!e.json().has("service_name")) {
                continue;
            }
            named++;
            Validation v = validator.validate(GoldenExamples.flatten(e.json()));
            assertThat(v.spec()).as("catalogue entry for %s %s", e.source(), e.json()).isPresent();
            if (v.role() == Validation.Role.REQUEST) {
                requests++;
            } else {
                replies++;
            }
            boolean allowed = DOCUMENT_DEFECTS.containsKey(e.source());
            if (v.ok() == allowed) {
                failures.add(e.source() + " " + (allowed ? "is listed as defective but has no error" : v.issues()));
            }
        }
        assertThat(failures).isEmpty();
        assertThat(named).isGreaterThan(130);
        assertThat(requests).isGreaterThan(60);
        assertThat(replies).isGreaterThan(50);
    }

    @Test
    void theSeedExamplesMatch22_19BothWays() throws Exception {
        Validation req = validator.validate(WireCodec.parseObject("{\"order_id\":\"A1_2C1516935325\","
                + "\"data_target\":\"bolink\",\"service_name\":\"query_order\",\"car_number\":\"苏BH0355\","
                + "\"time_temp\":1516934957889}"));
        assertThat(req.spec().orElseThrow().toc()).isEqualTo("2.19");
        assertThat(req.role()).isEqualTo(Validation.Role.REQUEST);
        assertThat(req.issues()).isEmpty();
        Validation reply = validator.validate(WireCodec.parseObject("{\"data\":[],\"service_name\":\"query_order\","
                + "\"time_temp\":\"15899230132\",\"query_order_no\":\"query_order21313123123123123\"}"));
        assertThat(reply.role()).isEqualTo(Validation.Role.REPLY);
        assertThat(reply.ok()).isTrue();
        assertThat(reply.issues()).singleElement().satisfies(i -> {
            assertThat(i.severity()).isEqualTo(Issue.Severity.WARNING);
            assertThat(i.field()).isEqualTo("time_temp");
            assertThat(i.rule()).contains("sent as text");
        });
    }

    @Test
    void violationsNameFieldRuleAndValue() throws Exception {
        Validation v = validator.validate(WireCodec.parseObject("{\"service_name\":\"in_park\",\"car_number\":"
                + "\"京A123456789\",\"in_time\":\"soon\",\"car_type\":\"小车\",\"c_type\":\"x\",\"uid\":\"1\","
                + "\"order_id\":\"o\",\"empty_plot\":1.5,\"in_channel_id\":\"A1\"}"));
        assertThat(v.issues()).extracting(Issue::toString).contains(
                "ERROR car_number: max length 8 (value: \"京A123456789\")",
                "ERROR in_time: type Number (value: \"soon\")",
                "ERROR empty_plot: type Number (integer) (value: \"1.5\")");
    }

    @Test
    void unknownServiceNamesAndMissingNamesAreReportedNotThrown() throws Exception {
        assertThat(validator.validate(WireCodec.parseObject("{\"service_name\":\"teleport\",\"x\":1}")).issues())
                .extracting(Issue::rule).containsExactly("not in the catalogue (carried as a generic message)");
        assertThat(validator.validate(WireCodec.parseObject("{\"x\":1}")).ok()).isFalse();
        assertThat(validator.validate(WireCodec.parseObject("{\"service_name\":\"parkInfo\",\"data\":7}")).ok())
                .isFalse();
    }

    @Test
    void syncMessagesAreReadInsideData() throws Exception {
        Validation v = validator.validate(WireCodec.parseObject("{\"data\":{\"operate_type\":2,\"price\":3.00,"
                + "\"park_id\":\"test001\",\"package_id\":\"1033\",\"end_type\":0},\"service_name\":\"month_card_sync\"}"));
        assertThat(v.spec().orElseThrow().toc()).isEqualTo("3.6");
        assertThat(v.ok()).isTrue();
        Validation flat = validator.validate(WireCodec.parseObject("{\"operate_type\":2,\"price\":3.00,"
                + "\"park_id\":\"test001\",\"package_id\":\"1033\",\"service_name\":\"month_card_sync\"}"));
        assertThat(flat.issues()).extracting(Issue::field).contains("data");
    }
}
