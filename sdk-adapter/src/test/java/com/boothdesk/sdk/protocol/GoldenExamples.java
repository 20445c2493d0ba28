package com.boothdesk.sdk.protocol;

import com.boothdesk.sdk.wire.WireCodec;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** The JSON examples of the notes and the seed (src/test/resources/golden/protocol-examples.jsonl). */
public final class GoldenExamples {

    record Example(String source, ObjectNode json) {
    }

    private GoldenExamples() {
    }

    static List<Example> all() {
        List<Example> out = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(
                GoldenExamples.class.getResourceAsStream("/golden/protocol-examples.jsonl"), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                ObjectNode wrapper = WireCodec.parseObject(line);
                out.add(new Example(wrapper.get("source").asText(),
                        WireCodec.parseObject(wrapper.get("json").asText())));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (com.boothdesk.sdk.wire.WireFormatException e) {
            throw new IllegalStateException(e);
        }
        return out;
    }

    /** A wire envelope ({service_name, sign, token, data}) flattened into the business message. */
    static ObjectNode flatten(ObjectNode o) {
        if (o.has("sign") && o.get("data") instanceof ObjectNode d) {
            ObjectNode flat = d.deepCopy();
            flat.set("service_name", o.get("service_name"));
            return flat;
        }
        return o;
    }

    public static void main(String[] args) {
        ProtocolValidator v = new ProtocolValidator(Catalogue.get());
        for (Example e : all()) {
            if (!e.json().has("service_name")) {
                System.out.println(e.source() + " NO-NAME " + e.json().toString().substring(0, Math.min(80,
                        e.json().toString().length())));
                continue;
            }
            Validation r = v.validate(flatten(e.json()));
            System.out.println(e.source() + " " + r.serviceName() + " " + r.role() + " "
                    + r.spec().map(MessageSpec::toc).orElse("?") + " " + r.issues() + " extra=" + r.extraFields());
        }
    }
}
