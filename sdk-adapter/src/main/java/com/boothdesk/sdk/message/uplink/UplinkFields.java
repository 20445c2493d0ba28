package com.boothdesk.sdk.message.uplink;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import com.boothdesk.sdk.message.Fen;
import com.boothdesk.sdk.message.MessageValidationException;
import com.boothdesk.sdk.message.Violation;
import com.boothdesk.sdk.wire.WireCodec;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Writing and reading the flat uplinks of this package: strict when written (a required field missing, a text longer
 * than the notes allow, a negative time or amount: every broken rule is named in one {@link MessageValidationException}),
 * tolerant when read (numbers as text or as numbers, money as yuan text or number, unknown fields ignored). Fields are
 * written in the order they are given; an optional field that is null is left out.
 */
public final class UplinkFields {

    /** No length limit of the notes' (an id the booth makes itself). */
    public static final int ANY = Integer.MAX_VALUE;

    private final String serviceName;
    private final ObjectNode o = WireCodec.MAPPER.createObjectNode();
    private final List<Violation> violations = new ArrayList<>();

    private UplinkFields(String serviceName, String dataTarget) {
        this.serviceName = serviceName;
        o.put("service_name", serviceName);
        o.put("data_target", dataTarget);
    }

    /** Starts writing an uplink. */
    public static UplinkFields write(String serviceName, String dataTarget) {
        return new UplinkFields(serviceName, dataTarget);
    }

    public UplinkFields text(String field, String value, boolean required, int maxLength) {
        if (value == null || required && value.isEmpty()) {
            if (required) {
                violations.add(new Violation(field, "required", value));
            }
            return this;
        }
        if (value.length() > maxLength) {
            violations.add(new Violation(field, "max length " + maxLength, value));
        }
        o.put(field, value);
        return this;
    }

    /** A number (times in unix seconds, counts, codes). */
    public UplinkFields number(String field, Long value, boolean required) {
        if (value == null) {
            if (required) {
                violations.add(new Violation(field, "required", null));
            }
            return this;
        }
        o.put(field, value);
        return this;
    }

    public UplinkFields number(String field, Integer value, boolean required) {
        return number(field, value == null ? null : value.longValue(), required);
    }

    /** A unix time: not negative. */
    public UplinkFields time(String field, Long value, boolean required) {
        if (value != null && value < 0) {
            violations.add(new Violation(field, "must be >= 0", value.toString()));
        }
        return number(field, value, required);
    }

    /** Money in fen, written as yuan text with two decimals ("12.50"), as the notes' examples send it. */
    public UplinkFields yuan(String field, Long fen, boolean required) {
        if (fen == null) {
            if (required) {
                violations.add(new Violation(field, "required", null));
            }
            return this;
        }
        o.put(field, Fen.format(fen));
        return this;
    }

    /** Money in fen, written as a yuan number (12.5) where the notes type the field Number. */
    public UplinkFields yuanNumber(String field, Long fen, boolean required) {
        if (fen == null) {
            if (required) {
                violations.add(new Violation(field, "required", null));
            }
            return this;
        }
        o.put(field, new BigDecimal(Fen.format(fen)));
        return this;
    }

    /** An id the notes type Number: sent as a number when it is one, else as text. */
    public UplinkFields numericId(String field, String value, boolean required) {
        if (value == null || value.isEmpty()) {
            if (required) {
                violations.add(new Violation(field, "required", value));
            }
            return this;
        }
        if (value.matches("\\d{1,18}")) {
            o.put(field, Long.parseLong(value));
        } else {
            o.put(field, value);
        }
        return this;
    }

    /** The uplink object. @throws MessageValidationException naming every broken rule */
    public ObjectNode done() {
        if (!violations.isEmpty()) {
            throw new MessageValidationException(serviceName, violations);
        }
        return o;
    }

    /** Tolerant reading of one received or stored uplink. */
    public static Reader read(ObjectNode o) {
        return new Reader(o);
    }

    /** Reads fields leniently: absent or null is null; numbers from text or number nodes; money in fen. */
    public static final class Reader {
        private final ObjectNode o;

        private Reader(ObjectNode o) {
            this.o = o;
        }

        public String text(String field) {
            JsonNode v = o.get(field);
            return v == null || v.isNull() ? null : v.asText();
        }

        public Long number(String field) {
            JsonNode v = o.get(field);
            if (v == null || v.isNull() || v.asText().isBlank()) {
                return null;
            }
            if (v.isNumber()) {
                return v.asLong();
            }
            try {
                return Long.parseLong(v.asText().trim());
            } catch (NumberFormatException e) {
                return null;
            }
        }

        public Integer integer(String field) {
            Long n = number(field);
            return n == null ? null : n.intValue();
        }

        public Long fen(String field) {
            JsonNode v = o.get(field);
            if (v == null || v.isNull() || v.asText().isBlank()) {
                return null;
            }
            try {
                return Fen.parse(v.isNumber() ? v.decimalValue().toPlainString() : v.asText().trim());
            } catch (RuntimeException e) {
                return null;
            }
        }
    }
}
