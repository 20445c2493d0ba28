package com.boothdesk.sdk.protocol;

import com.boothdesk.sdk.message.MessageKeys;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks a message against the {@link Catalogue}: required fields, types, maximum lengths, data_target and shape.
 * Reading is tolerant, writing is strict: a value that can be read anyway (a Number sent as text, money sent as a
 * number) is a WARNING; what cannot be read or breaks a limit is an ERROR. Never throws on any input.
 */
public final class ProtocolValidator {

    private static final Set<String> ENVELOPE = Set.of("service_name", "data_target", "sign", "token", "path");
    private static final Pattern INTEGER = Pattern.compile("-?\\d+");
    private static final Pattern MONEY = Pattern.compile("-?\\d+(\\.\\d{1,2})?");

    private final Catalogue catalogue;

    public ProtocolValidator(Catalogue catalogue) {
        this.catalogue = catalogue;
    }

    /** Validates one message. */
    public Validation validate(ObjectNode msg) {
        JsonNode nameNode = msg.get("service_name");
        if (nameNode == null || !nameNode.isTextual() || nameNode.asText().isBlank()) {
            return new Validation("", Optional.empty(), Validation.Role.REQUEST, msg,
                    List.of(new Issue(Issue.Severity.ERROR, "service_name", "required (String)",
                            nameNode == null ? null : nameNode.toString())), List.of());
        }
        String name = nameNode.asText().strip();
        ObjectNode inner = null;
        if (name.equals("parkInfo")) {
            if (msg.get("data") instanceof ObjectNode d && d.path("service_name").isTextual()) {
                inner = d;
                name = d.get("service_name").asText();
            } else {
                return new Validation(name, Optional.empty(), Validation.Role.REQUEST, msg,
                        List.of(new Issue(Issue.Severity.ERROR, "data.service_name",
                                "required inside a parkInfo envelope", null)), List.of());
            }
        }
        String lookup = ServiceName.of(name).map(ServiceName::wire).orElse(name);
        List<MessageSpec> candidates = catalogue.byServiceName(lookup);
        if (candidates.isEmpty()) {
            return new Validation(name, Optional.empty(), Validation.Role.REQUEST, msg,
                    List.of(new Issue(Issue.Severity.ERROR, "service_name",
                            "not in the catalogue (carried as a generic message)", name)), List.of());
        }
        Validation best = null;
        for (MessageSpec spec : candidates) {
            for (Validation.Role role : Validation.Role.values()) {
                if (role == Validation.Role.REPLY && !replyPlausible(spec, inner != null ? inner : msg, msg)) {
                    continue;
                }
                Validation v = check(name, spec, role, msg, inner);
                if (best == null || RANK.compare(v, best) < 0) {
                    best = v;
                }
            }
        }
        return best;
    }

    /** An answer carries a field only answers have, or (to a downlink) a data_target. */
    private static boolean replyPlausible(MessageSpec spec, ObjectNode container, ObjectNode msg) {
        if (spec.replyFields().isEmpty()) {
            return false;
        }
        if (spec.direction() == MessageSpec.Direction.DOWN && msg.has("data_target")) {
            return true;
        }
        for (FieldSpec f : spec.replyFields().get()) {
            if (container.has(f.name()) && spec.field(f.name()).isEmpty()) {
                return true;
            }
        }
        return false;
    }

    private static final Comparator<Validation> RANK = Comparator.comparingLong(Validation::errorCount)
            .thenComparingInt(v -> v.issues().size()).thenComparingInt(v -> v.extraFields().size());

    private Validation check(String name, MessageSpec spec, Validation.Role role, ObjectNode msg, ObjectNode inner) {
        List<Issue> issues = new ArrayList<>();
        boolean request = role == Validation.Role.REQUEST;
        ObjectNode container = msg;
        if (inner != null) {
            container = inner;
            if (request && spec.shape() != MessageSpec.Shape.PARKINFO) {
                issues.add(warn("service_name", "this message is not sent in a parkInfo envelope", "parkInfo"));
            }
        } else if (request && spec.shape() == MessageSpec.Shape.PARKINFO) {
            issues.add(warn("service_name", "is sent inside a parkInfo envelope (path commapi/upMessage)", name));
        } else if (request && spec.shape() == MessageSpec.Shape.DATA) {
            if (msg.get("data") instanceof ObjectNode d) {
                container = d;
            } else {
                issues.add(error("data", "required object (停车云 sync messages carry their fields in data)", null));
            }
        }
        checkTarget(spec, request, msg, issues);
        List<FieldSpec> fields = request ? spec.fields() : spec.replyFields().orElse(List.of());
        for (FieldSpec f : fields) {
            checkField(f, container.get(f.name()), issues);
        }
        List<String> extras = new ArrayList<>();
        boolean top = container == msg;
        for (var it = container.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            boolean envelopeField = top && ENVELOPE.contains(f);
            boolean dataWrapper = top && f.equals("data") && spec.shape() == MessageSpec.Shape.DATA;
            if (!envelopeField && !dataWrapper && !f.equals("service_name")
                    && fields.stream().noneMatch(s -> s.name().equals(f))) {
                extras.add(f);
            }
        }
        return new Validation(name, Optional.of(spec), role, msg, issues, extras);
    }

    private static void checkTarget(MessageSpec spec, boolean request, ObjectNode msg, List<Issue> issues) {
        JsonNode dt = msg.get("data_target");
        String value = dt == null || dt.isNull() ? null : dt.asText();
        if (request) {
            String expected = spec.dataTarget();
            boolean sent = spec.direction() == MessageSpec.Direction.UP
                    || spec.direction() == MessageSpec.Direction.SCREEN;
            if (sent && !expected.equals("both") && !expected.equals("-")) {
                if (value == null) {
                    issues.add(error("data_target", "required, must be " + expected, null));
                } else if (!value.equals(expected) && !(spec.toc().equals("2.18") && value.equals("three"))) {
                    issues.add(error("data_target", "must be " + expected, value));
                }
            } else if (sent && expected.equals("both") && value != null) {
                issues.add(warn("data_target", "not needed: the SDK sends this message to both platforms", value));
            }
        } else if (spec.direction() == MessageSpec.Direction.DOWN) {
            String expected = MessageKeys.replyTarget(spec.serviceName());
            if (value == null) {
                issues.add(error("data_target", "required in an answer, must be " + expected, null));
            } else if (!value.equals(expected)) {
                issues.add(warn("data_target", "answers to this message go to " + expected, value));
            }
        }
    }

    private static void checkField(FieldSpec f, JsonNode v, List<Issue> issues) {
        if (v == null || v.isNull()) {
            if (f.isRequired()) {
                issues.add(error(f.name(), "required (" + f.type().label() + ")", null));
            }
            return;
        }
        String text = v.isValueNode() ? v.asText() : v.toString();
        switch (f.type()) {
            case S -> {
                if (v.isContainerNode()) {
                    issues.add(error(f.name(), "type String", text));
                } else if (!v.isTextual()) {
                    issues.add(warn(f.name(), "type String (sent as " + kind(v) + ")", text));
                }
                if (f.maxLength() > 0 && text.length() > f.maxLength()) {
                    issues.add(error(f.name(), "max length " + f.maxLength(), text));
                }
            }
            case N -> {
                if (v.isIntegralNumber()) {
                    maxDigits(f, text, issues);
                } else if (v.isNumber()) {
                    BigDecimal d = v.decimalValue();
                    if (d.stripTrailingZeros().scale() > 0) {
                        issues.add(error(f.name(), "type Number (integer)", text));
                    } else {
                        issues.add(warn(f.name(), "type Number (integer sent with decimals)", text));
                    }
                } else if (v.isTextual() && INTEGER.matcher(text.strip()).matches()) {
                    issues.add(warn(f.name(), "type Number (sent as text)", text));
                    maxDigits(f, text.strip(), issues);
                } else if (v.isTextual() && text.isEmpty() && !f.isRequired()) {
                    issues.add(warn(f.name(), "type Number (sent as empty text)", text));
                } else {
                    issues.add(error(f.name(), "type Number", text));
                }
            }
            case D -> {
                if (v.isNumber()) {
                    return;
                }
                if (v.isTextual() && isDecimal(text)) {
                    issues.add(warn(f.name(), "type Decimal (sent as text)", text));
                } else {
                    issues.add(error(f.name(), "type Decimal", text));
                }
            }
            case M -> {
                if (v.isTextual() && text.isEmpty() && !f.isRequired()) {
                    issues.add(warn(f.name(), "money sent as empty text", text));
                } else if (v.isTextual()) {
                    if (!MONEY.matcher(text.strip()).matches()) {
                        issues.add(error(f.name(), "money in yuan with at most 2 decimals", text));
                    }
                } else if (v.isNumber()) {
                    issues.add(warn(f.name(), "money is written as text (\"12.50\"), sent as a number", text));
                    if (v.decimalValue().stripTrailingZeros().scale() > 2) {
                        issues.add(error(f.name(), "money with at most 2 decimals", text));
                    }
                } else {
                    issues.add(error(f.name(), "money in yuan", text));
                }
                if (f.maxLength() > 0 && text.length() > f.maxLength()) {
                    issues.add(error(f.name(), "max length " + f.maxLength(), text));
                }
            }
            case J -> {
                if (!v.isContainerNode()) {
                    issues.add(v.isTextual() ? warn(f.name(), "type Json (sent as text)", text)
                            : error(f.name(), "type Json", text));
                }
            }
            case A -> {
                if (!v.isArray()) {
                    issues.add(error(f.name(), "type Array", text));
                }
            }
            default -> throw new IllegalStateException("unknown type " + f.type());
        }
    }

    private static void maxDigits(FieldSpec f, String text, List<Issue> issues) {
        String digits = text.startsWith("-") ? text.substring(1) : text;
        if (f.maxLength() > 0 && digits.length() > f.maxLength()) {
            issues.add(error(f.name(), "max " + f.maxLength() + " digits", text));
        }
    }

    private static boolean isDecimal(String s) {
        try {
            new BigDecimal(s.strip());
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static String kind(JsonNode v) {
        return v.isNumber() ? "a number" : v.isBoolean() ? "a boolean" : v.getNodeType().name().toLowerCase();
    }

    private static Issue error(String field, String rule, String value) {
        return new Issue(Issue.Severity.ERROR, field, rule, value);
    }

    private static Issue warn(String field, String rule, String value) {
        return new Issue(Issue.Severity.WARNING, field, rule, value);
    }
}
