package com.boothdesk.sdk.wire;

import static org.assertj.core.api.Assertions.assertThat;

import com.boothdesk.sdk.link.DownlinkAnswerer;
import com.boothdesk.sdk.protocol.Catalogue;
import com.boothdesk.sdk.protocol.ProtocolValidator;
import com.boothdesk.sdk.protocol.Validation;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * 100,000+ malformed lines (bad JSON, wrong types, oversize fields, unknown names, binary garbage) through the
 * downlink decoder and the answerer: no exception escapes, and every line gets its defined outcome (a heartbeat is
 * a heartbeat, a message is answered with its service_name and a state, anything else is classified Malformed with
 * a reason).
 */
class DownlinkFuzzTest {

    enum Kind { TRUNCATED, WRONG_TYPES, OVERSIZE, UNKNOWN_NAME, BINARY, STRUCTURE }

    static final List<String> SEEDS = List.of(
            "{\"query_order_no\":\"218402018060000000p-863\",\"park_id\":\"20003\",\"car_number\":\"62000F9\","
                    + "\"service_name\":\"query_price\",\"order_id\":\"15000001195\",\"pay_scene\":0}",
            "{\"state\":1,\"pay_type\":\"wallet\",\"pay_channel\":2,\"errmsg\":\"支付成功\",\"service_name\":\"outpark\","
                    + "\"trade_no\":\"201704012000121122232\",\"total\":0.04,\"pay_time\":1490875200,"
                    + "\"order_id\":\"325101\",\"car_number\":\"京GH0093\",\"out_channel_id\":\"A1\","
                    + "\"arrive_money\":0.01,\"account_type\":1,\"fee\":0.0}",
            "{\"data\":{\"operate_type\":2,\"price\":3.00,\"park_id\":\"test001\",\"package_id\":\"1033\"},"
                    + "\"service_name\":\"month_card_sync\"}",
            "{\"local_id\":\"c48e8f750e19_2.1.2.5_liu_channels_A111\",\"park_id\":\"test001\",\"comid\":\"20000\","
                    + "\"service_name\":\"lock_car\",\"order_id\":\"A1_2C1532673983\",\"is_locked\":1,\"lock_key\":\"4000\"}",
            "{\"park_id\":\"20003\",\"car_number\":\"62000F9\",\"timetemp\":150000946,"
                    + "\"service_name\":\"nolicence_in_park\",\"channel_id\":\"A11\"}");

    final Random random = new Random(42);

    @Test
    void hundredThousandMalformedLinesNeverEscapeAndAllGetTheirDefinedAnswer() {
        ProtocolValidator validator = new ProtocolValidator(Catalogue.get());
        DownlinkAnswerer answerer = new DownlinkAnswerer();
        answerer.setHandler(d -> {
            Validation v = validator.validate(d);
            ObjectNode r = WireCodec.MAPPER.createObjectNode();
            r.put("state", v.ok() ? 1 : 0);
            r.put("errmsg", v.ok() ? "success" : v.issues().get(0).toString());
            return r;
        });
        Map<Kind, Integer> perKind = new EnumMap<>(Kind.class);
        int messages = 0;
        int malformed = 0;
        int heartbeats = 0;
        int total = 102_000;
        for (int i = 0; i < total; i++) {
            Kind kind = Kind.values()[i % Kind.values().length];
            perKind.merge(kind, 1, Integer::sum);
            String line = generate(kind);
            DownlinkDecoder.Decoded d = DownlinkDecoder.decode(line);
            assertThat(d).isNotNull();
            if (d instanceof DownlinkDecoder.Message m) {
                messages++;
                ObjectNode answer = answerer.answer(m.json());
                if (answer != null) {
                    assertThat(answer.path("service_name").asText()).isEqualTo(m.serviceName());
                    assertThat(answer.path("state").asInt(-1)).isIn(0, 1);
                    assertThat(answer.path("data_target").asText()).isIn("cloud", "bolink");
                    assertThat(WireCodec.utf8Length(WireCodec.encodeUplink(answer, "t", "k"))).isPositive();
                }
            } else if (d instanceof DownlinkDecoder.Malformed m) {
                malformed++;
                assertThat(m.reason()).isNotBlank();
            } else {
                heartbeats++;
            }
        }
        assertThat(messages + malformed + heartbeats).isEqualTo(total);
        assertThat(perKind.values()).allMatch(n -> n == total / Kind.values().length);
        assertThat(messages).isGreaterThan(20_000);
        assertThat(malformed).isGreaterThan(40_000);
    }

    String generate(Kind kind) {
        String seed = SEEDS.get(random.nextInt(SEEDS.size()));
        switch (kind) {
            case TRUNCATED:
                return seed.substring(0, random.nextInt(seed.length()));
            case WRONG_TYPES:
                return mutateTypes(seed);
            case OVERSIZE:
                return seed.replaceFirst("\"car_number\":\"[^\"]*\"",
                        "\"car_number\":\"" + "京".repeat(1 + random.nextInt(5000)) + "\"");
            case UNKNOWN_NAME:
                return seed.replaceFirst("\"service_name\":\"[^\"]*\"", "\"service_name\":\"x_" + random.nextInt(1000)
                        + (random.nextBoolean() ? "" : "\\u0000") + "\"");
            case BINARY: {
                byte[] b = new byte[1 + random.nextInt(300)];
                random.nextBytes(b);
                return random.nextBoolean() ? new String(b, StandardCharsets.UTF_8)
                        : new String(b, StandardCharsets.ISO_8859_1);
            }
            default: {
                String[] odd = {"[]", "null", "1e999999", "\"0x11\"", "0x11", "0x12", "{}", "{\"service_name\":null}",
                    "{\"service_name\":7}", "{\"service_name\":\"\"}", "{\"service_name\":{\"a\":1}}", "{{}", "}",
                    "{\"service_name\":\"outpark\"}{\"x\":1}", "{\"service_name\":\"" + "a".repeat(100) + "\"}",
                    "\u0000\u0000", "{\"a\":" + "[".repeat(2000) + "}", "{\"service_name\":\"refund\",\"trade_no\":[1]}"};
                return odd[random.nextInt(odd.length)];
            }
        }
    }

    String mutateTypes(String seed) {
        try {
            ObjectNode o = WireCodec.parseObject(seed);
            List<String> names = new ArrayList<>();
            o.fieldNames().forEachRemaining(names::add);
            String f = names.get(random.nextInt(names.size()));
            JsonNode replacement = switch (random.nextInt(6)) {
                case 0 -> WireCodec.MAPPER.getNodeFactory().numberNode(random.nextLong());
                case 1 -> WireCodec.MAPPER.getNodeFactory().booleanNode(random.nextBoolean());
                case 2 -> WireCodec.MAPPER.createArrayNode().add(1).add("x");
                case 3 -> WireCodec.MAPPER.createObjectNode().put("nested", true);
                case 4 -> WireCodec.MAPPER.getNodeFactory().nullNode();
                default -> WireCodec.MAPPER.getNodeFactory().numberNode(random.nextDouble() * 1e300);
            };
            o.set(f, replacement);
            return WireCodec.toJson(o);
        } catch (WireFormatException e) {
            throw new IllegalStateException(e);
        }
    }
}
