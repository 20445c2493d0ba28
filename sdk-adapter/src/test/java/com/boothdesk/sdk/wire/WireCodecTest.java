package com.boothdesk.sdk.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class WireCodecTest {

    @Test
    void uplinkEnvelopeMovesFieldsIntoDataAndSignsTheExactDataText() throws Exception {
        ObjectNode flat = WireCodec.MAPPER.createObjectNode();
        flat.put("service_name", "in_park");
        flat.put("car_number", "京GH0093");
        flat.put("in_time", 1490875218L);
        String line = WireCodec.encodeUplink(flat, "5880277f494544259642dd7ac35afdf4", "k");

        assertThat(line).startsWith("{\"service_name\":\"in_park\",\"sign\":\"")
                .contains("\"token\":\"5880277f494544259642dd7ac35afdf4\"")
                .endsWith(",\"data\":{\"car_number\":\"京GH0093\",\"in_time\":1490875218}}");
        Envelope env = WireCodec.parseEnvelope(line);
        assertThat(env.serviceName()).isEqualTo("in_park");
        assertThat(env.rawData()).isEqualTo("{\"car_number\":\"京GH0093\",\"in_time\":1490875218}");
        assertThat(env.sign()).isEqualTo(Sign.sign(env.rawData(), "k"));
        assertThat(env.data().has("service_name")).isFalse();
    }

    @Test
    void rawDataIsTakenVerbatimEvenWithSpacesAndNesting() throws Exception {
        String line = "{\"service_name\":\"login\", \"sign\":\"X\", \"data\" : {\"a\": [1, {\"b\":\"}\"}], \"c\":2} }";
        Envelope env = WireCodec.parseEnvelope(line);
        assertThat(env.rawData()).isEqualTo("{\"a\": [1, {\"b\":\"}\"}], \"c\":2}");
        assertThat(env.token()).isNull();
    }

    @Test
    void realLoginCaptureParses() throws Exception {
        String capture = "{\"service_name\":\"login\",\"sign\":\"15E3DF039F5A02BB1A17316976DE8A51\",\"data\":"
                + "{\"union_id\":\"200128\",\"park_id\":\"24155\",\"local_id\":\"c61562ee71b6_2.1.0.0_channels_1_2_3\","
                + "\"version\":\"2.1.0.0\"}}";
        Envelope env = WireCodec.parseEnvelope(capture);
        assertThat(env.data().path("park_id").asText()).isEqualTo("24155");
        assertThat(env.sign()).isEqualTo("15E3DF039F5A02BB1A17316976DE8A51");
    }

    @Test
    void malformedEnvelopesNameTheProblem() {
        assertThatThrownBy(() -> WireCodec.parseEnvelope("{\"sign\":\"x\",\"data\":{}}"))
                .isInstanceOf(WireFormatException.class).hasMessageContaining("service_name");
        assertThatThrownBy(() -> WireCodec.parseEnvelope("{\"service_name\":\"in_park\",\"data\":7}"))
                .isInstanceOf(WireFormatException.class).hasMessageContaining("data");
        assertThatThrownBy(() -> WireCodec.parseObject("[1,2]"))
                .isInstanceOf(WireFormatException.class).hasMessageContaining("not a JSON object");
        assertThatThrownBy(() -> WireCodec.parseObject("{\"a\":1} trailing"))
                .isInstanceOf(WireFormatException.class).hasMessageContaining("trailing");
        assertThatThrownBy(() -> WireCodec.parseObject("{\"a\":"))
                .isInstanceOf(WireFormatException.class).hasMessageContaining("malformed JSON");
    }

    @Test
    void heartbeatRecognitionFollowsTheRealServer() {
        assertThat(WireCodec.isHeartbeat("0x11")).isTrue();
        assertThat(WireCodec.isHeartbeat(" 0x11")).isTrue();
        assertThat(WireCodec.isHeartbeat("{\"a\":\"0x11\"}")).isFalse();
        assertThat(WireCodec.isHeartbeatAck("0x12")).isTrue();
        assertThat(WireCodec.frameDownlink("{}")).isEqualTo("\n{}\r");
    }

    @Test
    void lineReaderSplitsOnCrAndLfSkipsEmptyLinesAndFlagsOversize() throws Exception {
        byte[] in = ("\n{\"a\":1}\r\n\r\n0x12\r" + "x".repeat(30) + "\nlast").getBytes(StandardCharsets.UTF_8);
        LineReader r = new LineReader(new ByteArrayInputStream(in), 20);
        assertThat(r.next().text()).isEqualTo("{\"a\":1}");
        assertThat(r.next().text()).isEqualTo("0x12");
        LineReader.Line big = r.next();
        assertThat(big.oversize()).isTrue();
        assertThat(big.byteLength()).isEqualTo(30);
        assertThat(big.text()).hasSize(20);
        assertThat(r.next().text()).isEqualTo("last");
        assertThat(r.next()).isNull();
    }
}
