package com.boothdesk.sdk.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.boothdesk.sdk.link.CloudCredentials;
import com.boothdesk.sdk.link.LinkStatus;
import com.boothdesk.sdk.link.TcpCloudLink;
import com.boothdesk.sdk.link.TcpLinkSettings;
import com.boothdesk.sdk.message.MessageKeys;
import com.boothdesk.sdk.protocol.Catalogue;
import com.boothdesk.sdk.protocol.FieldSpec;
import com.boothdesk.sdk.protocol.MessageSpec;
import com.boothdesk.sdk.protocol.ProtocolValidator;
import com.boothdesk.sdk.protocol.Validation;
import com.boothdesk.sdk.wire.WireCodec;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every uplink entry of the catalogue goes through the simulator over the real TCP link; each answer is checked
 * against the entry's reply spec with the {@link ProtocolValidator}: exactly the documented reply fields, no issue,
 * the request's key echoed.
 */
class CatalogueRepliesTest {

    static final CloudCredentials CREDS = new CloudCredentials("200002", "21835",
            CloudCredentials.localIdWithChannels("booth1", "A1", "A2"), "EA2D90FEEF1E9F8E");
    static final String CAR = "京A12345";

    CloudSimulator sim;
    TcpCloudLink link;

    @BeforeEach
    void setUp() throws Exception {
        sim = new CloudSimulator(CloudSimSettings.of("200002", "21835", "EA2D90FEEF1E9F8E").withRequestsPer10s(0));
        sim.start();
        link = new TcpCloudLink(TcpLinkSettings.defaults("127.0.0.1", sim.port())
                .withReplyTimeout(Duration.ofSeconds(3)), CREDS, Clock.systemUTC());
        link.start();
        await().atMost(Duration.ofSeconds(15)).until(() -> link.status() == LinkStatus.LOGGED_IN);
    }

    @AfterEach
    void tearDown() {
        link.close();
        sim.close();
    }

    /** A request that passes the validator: every required field with a value of its type and length. */
    static ObjectNode request(MessageSpec spec, int seq) {
        ObjectNode fields = WireCodec.MAPPER.createObjectNode();
        fields.put("service_name", spec.serviceName());
        if (!spec.dataTarget().equals("both") && !spec.dataTarget().equals("-")
                && spec.shape() != MessageSpec.Shape.PARKINFO) {
            fields.put("data_target", spec.dataTarget());
        }
        for (FieldSpec f : spec.fields()) {
            if (!f.isRequired() && !f.name().equals("order_id")) {
                continue;
            }
            switch (f.type()) {
                case S -> fields.put(f.name(), f.name().equals("car_number") ? CAR
                        : fit(String.valueOf(1000 + seq), f.maxLength()));
                case N -> fields.put(f.name(), f.name().endsWith("time") && (f.maxLength() == 0 || f.maxLength() >= 10)
                        ? 1_700_000_000L + seq : 1);
                case D -> fields.put(f.name(), 1.5);
                case M -> fields.put(f.name(), "1.00");
                case J -> fields.putObject(f.name());
                case A -> fields.putArray(f.name());
                default -> throw new IllegalStateException(f.toString());
            }
        }
        if (spec.shape() != MessageSpec.Shape.PARKINFO) {
            return fields;
        }
        ObjectNode env = WireCodec.MAPPER.createObjectNode();
        env.put("service_name", "parkInfo");
        env.put("data_target", "bolink");
        env.put("path", "commapi/upMessage");
        env.set("data", fields);
        return env;
    }

    private static String fit(String s, int max) {
        return max > 0 && s.length() > max ? s.substring(s.length() - max) : s;
    }

    static List<MessageSpec> answeredEntries() {
        return Catalogue.get().entries().stream()
                .filter(e -> e.direction() != MessageSpec.Direction.DOWN)
                .filter(e -> e.hasServiceName() && e.replyFields().isPresent())
                // the link sends login itself (checked by the link tests); 7.5 is a URL, not a message
                .filter(e -> !e.serviceName().equals("login"))
                .toList();
    }

    @Test
    void everyUplinkOfTheCatalogueGetsExactlyItsDocumentedReply() throws Exception {
        ProtocolValidator validator = new ProtocolValidator(Catalogue.get());
        List<MessageSpec> entries = answeredEntries();
        assertThat(entries).extracting(MessageSpec::toc)
                .contains("2.1", "2.3", "2.5", "2.11", "2.16", "2.17", "2.39", "2.44", "L.1", "4.1", "7.1")
                .hasSize(44);
        Map<String, ObjectNode> replies = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        int seq = 0;
        for (MessageSpec spec : entries) {
            ObjectNode req = request(spec, seq++);
            assertThat(validator.validate(req).ok()).as("test request for %s: %s", spec.toc(),
                    validator.validate(req).issues()).isTrue();
            ObjectNode reply = link.send(req).get(5, TimeUnit.SECONDS);
            replies.put(spec.toc(), reply);

            Validation v = validator.validate(reply);
            Set<String> expected = new TreeSet<>(List.of("service_name"));
            spec.replyFields().get().forEach(f -> expected.add(f.name()));
            Set<String> actual = new TreeSet<>();
            reply.fieldNames().forEachRemaining(actual::add);
            if (v.spec().isEmpty() || !v.spec().get().toc().equals(spec.toc())
                    || v.role() != Validation.Role.REPLY || !v.issues().isEmpty() || !v.extraFields().isEmpty()
                    || !actual.equals(expected)) {
                problems.add(spec.toc() + " " + spec.serviceName() + ": " + reply + " -> " + v.issues()
                        + " extra " + v.extraFields() + " expected fields " + expected);
            }
            ObjectNode business = req.has("data") && spec.shape() == MessageSpec.Shape.PARKINFO
                    ? (ObjectNode) req.get("data") : req;
            MessageKeys.uplinkKey(business).ifPresent(k -> {
                String field = k.field().equals("car_type_id") ? "cartype_id" : k.field();
                if (reply.has(field) && !reply.path(field).asText().equals(k.value())) {
                    problems.add(spec.toc() + ": key " + field + " not echoed: " + reply);
                }
            });
        }
        assertThat(problems).isEmpty();

        // the notes' example texts and quirks
        assertThat(replies.get("2.14").path("errmsg").asText()).isEqualTo("上传成功");
        assertThat(replies.get("2.18").path("errmsg").asText()).isEqualTo("getCodeUrl success");
        assertThat(replies.get("2.28").path("errmsg").asText()).isEqualTo("查询余额成功!");
        assertThat(replies.get("2.5").path("errmsg").asText()).isEqualTo(" upload data success!");
        assertThat(replies.get("2.16").path("service_name").asText()).isEqualTo("car_type_upload");
        assertThat(replies.get("2.44").has("message")).isTrue();
        assertThat(replies.get("2.44").has("errmsg")).isFalse();
        assertThat(replies.get("2.42").path("service_name").asText()).isEqualTo("park_check");
        assertThat(replies.get("2.42").path("data").path("status").asText()).isEqualTo("1");
        // in_park (2.1) of CAR is in the lot (2.2 / 2.3 closed other order ids): 2.20 and 2.40 see it
        String inOrder = sim.received("in_park").get(0).data().path("order_id").asText();
        assertThat(replies.get("2.20").path("data")).singleElement()
                .satisfies(o -> assertThat(o.path("order_id").asText()).isEqualTo(inOrder));
        assertThat(replies.get("2.40").path("data").path("parking_business_count").asInt())
                .isEqualTo(sim.carsInLot().size()).isGreaterThanOrEqualTo(1);
    }

    @Test
    void anUplinkTheCatalogueDoesNotKnowGetsTheGenericAnswer() throws Exception {
        ObjectNode req = WireCodec.MAPPER.createObjectNode();
        req.put("service_name", "shift_handover_guess");
        req.put("data_target", "bolink");
        req.put("order_id", "X1");
        ObjectNode reply = link.send(req).get(5, TimeUnit.SECONDS);
        assertThat(reply.path("state").asInt()).isEqualTo(1);
        assertThat(reply.path("order_id").asText()).isEqualTo("X1");
        assertThat(reply.path("park_id").asText()).isEqualTo("21835");
        assertThat(sim.received("shift_handover_guess")).hasSize(1);
    }
}
