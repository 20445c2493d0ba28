package com.boothdesk.sdk.message;

import com.boothdesk.sdk.wire.WireCodec;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * An uplink whose fields the notes do not know (2.22 岗亭交接班记录, 2.25, 2.27, 2.35, 7.6, 7.7): carried as it is,
 * every field kept. The site supplies the service_name its cloud expects; writing checks only what the wire needs.
 *
 * @param serviceName the service_name, required
 * @param dataTarget  cloud, bolink or wisdom_screen
 * @param fields      the business fields (no service_name / data_target), kept in order
 */
public record GenericUplink(String serviceName, String dataTarget, ObjectNode fields) {

    private static final Set<String> TARGETS = Set.of("cloud", "bolink", "wisdom_screen");

    public GenericUplink {
        fields = fields == null ? WireCodec.MAPPER.createObjectNode() : fields.deepCopy();
        fields.remove("service_name");
        fields.remove("data_target");
    }

    /**
     * The flat uplink object.
     *
     * @throws MessageValidationException when the service_name is missing or the data_target is not a platform
     */
    public ObjectNode toJson() {
        List<Violation> v = new ArrayList<>();
        if (serviceName == null || serviceName.isBlank()) {
            v.add(new Violation("service_name", "required", serviceName));
        } else if (!serviceName.matches("[0-9A-Za-z_]{1,64}")) {
            v.add(new Violation("service_name", "only [0-9A-Za-z_], max length 64", serviceName));
        }
        if (dataTarget == null || !TARGETS.contains(dataTarget)) {
            v.add(new Violation("data_target", "one of " + TARGETS, dataTarget));
        }
        if (!v.isEmpty()) {
            throw new MessageValidationException(serviceName == null ? "?" : serviceName, v);
        }
        ObjectNode o = WireCodec.MAPPER.createObjectNode();
        o.put("service_name", serviceName);
        o.put("data_target", dataTarget);
        o.setAll(fields.deepCopy());
        return o;
    }

    /** Keeps every field of the message. */
    public static GenericUplink fromJson(ObjectNode o) {
        return new GenericUplink(InPark.text(o, "service_name"), InPark.text(o, "data_target"), o);
    }
}
