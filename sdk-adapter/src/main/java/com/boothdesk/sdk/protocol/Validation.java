package com.boothdesk.sdk.protocol;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;

/**
 * The result of checking one message against the catalogue.
 *
 * @param serviceName the message's service_name (the inner one for a parkInfo envelope)
 * @param spec        the catalogue entry it matched; empty for an unknown service_name
 * @param role        request or reply (the answer carries the same service_name)
 * @param message     the message as read
 * @param issues      every broken rule
 * @param extraFields fields the catalogue does not list (kept, never dropped)
 */
public record Validation(String serviceName, Optional<MessageSpec> spec, Role role, ObjectNode message,
                         List<Issue> issues, List<String> extraFields) {

    /** Whether the message is the request of its entry or the answer to it. */
    public enum Role {
        REQUEST, REPLY
    }

    public Validation {
        issues = List.copyOf(issues);
        extraFields = List.copyOf(extraFields);
    }

    /** True when no ERROR was found. */
    public boolean ok() {
        return issues.stream().noneMatch(Issue::isError);
    }

    public long errorCount() {
        return issues.stream().filter(Issue::isError).count();
    }

    /** Human-readable direction, e.g. "uplink", "answer to downlink". */
    public String direction() {
        if (spec.isEmpty()) {
            return "unknown";
        }
        String d = switch (spec.get().direction()) {
            case UP -> "uplink";
            case DOWN -> "downlink";
            case SDK -> "SDK query";
            case SCREEN -> "smart-screen message";
        };
        return role == Role.REQUEST ? d : "answer to " + d;
    }

    /** data_target of the message, or what the entry prescribes. */
    public String target() {
        String dt = message.path("data_target").asText("");
        if (!dt.isEmpty()) {
            return dt;
        }
        return spec.map(MessageSpec::dataTarget).orElse("-");
    }
}
