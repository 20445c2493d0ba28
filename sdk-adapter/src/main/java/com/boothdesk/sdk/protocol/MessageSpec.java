package com.boothdesk.sdk.protocol;

import java.util.List;
import java.util.Optional;

/**
 * One entry of the protocol's table of contents.
 *
 * @param toc         entry number, e.g. "2.19"
 * @param serviceName wire service_name; empty when the notes do not know it
 * @param direction   who sends it
 * @param dataTarget  cloud, bolink, wisdom_screen, both (in/out park) or "-" (downlinks)
 * @param shape       where the fields are: top level, inside "data" (停车云 sync), or inside a parkInfo envelope
 * @param coverage    how much of the entry the notes know
 * @param title       the entry's title
 * @param fields      documented fields (besides service_name / data_target)
 * @param replyFields fields of the answer; empty when the message gets no answer
 */
public record MessageSpec(String toc, String serviceName, Direction direction, String dataTarget, Shape shape,
                          Coverage coverage, String title, List<FieldSpec> fields,
                          Optional<List<FieldSpec>> replyFields) {

    /** Who sends a message. */
    public enum Direction {
        /** Charging system to the cloud (uplink). */
        UP,
        /** Cloud to charging system (downlink). */
        DOWN,
        /** Answered locally by the SDK (4.1). */
        SDK,
        /** To the smart screen (section 7). */
        SCREEN
    }

    /** Where the business fields are. */
    public enum Shape {
        FLAT, DATA, PARKINFO
    }

    /** How much the notes know. */
    public enum Coverage {
        KNOWN, PARTIAL, UNKNOWN
    }

    public MessageSpec {
        fields = List.copyOf(fields);
        replyFields = replyFields.map(List::copyOf);
    }

    /** True when the service_name is known. */
    public boolean hasServiceName() {
        return !serviceName.isEmpty();
    }

    /** A field by name. */
    public Optional<FieldSpec> field(String name) {
        return fields.stream().filter(f -> f.name().equals(name)).findFirst();
    }
}
