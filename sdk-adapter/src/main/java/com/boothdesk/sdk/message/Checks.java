package com.boothdesk.sdk.message;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Collects violations while a message is written (writing is strict). */
final class Checks {

    private static final Pattern ORDER_ID = Pattern.compile("[0-9A-Za-z_]+");
    private final List<Violation> violations = new ArrayList<>();

    Checks required(String field, String value, int maxLength) {
        if (value == null || value.isEmpty()) {
            violations.add(new Violation(field, "required", value));
        } else {
            maxLength(field, value, maxLength);
        }
        return this;
    }

    Checks optional(String field, String value, int maxLength) {
        if (value != null) {
            maxLength(field, value, maxLength);
        }
        return this;
    }

    Checks orderId(String field, String value) {
        required(field, value, 48);
        if (value != null && !value.isEmpty() && !ORDER_ID.matcher(value).matches()) {
            violations.add(new Violation(field, "only [0-9A-Za-z_]", value));
        }
        return this;
    }

    Checks nonNegative(String field, long value) {
        if (value < 0) {
            violations.add(new Violation(field, "must be >= 0", Long.toString(value)));
        }
        return this;
    }

    Checks maxDigits(String field, long value, int digits) {
        if (Long.toString(Math.abs(value)).length() > digits) {
            violations.add(new Violation(field, "max " + digits + " digits", Long.toString(value)));
        }
        return this;
    }

    Checks oneOf(String field, Integer value, int min, int max) {
        if (value != null && (value < min || value > max)) {
            violations.add(new Violation(field, "must be " + min + ".." + max, value.toString()));
        }
        return this;
    }

    /** A unix time: required or optional, not negative, at most {@code digits} digits. */
    Checks time(String field, Long value, boolean required, int digits) {
        if (value == null) {
            if (required) {
                violations.add(new Violation(field, "required", null));
            }
            return this;
        }
        nonNegative(field, value);
        return maxDigits(field, value, digits);
    }

    /** A code the table knows (writing is strict: an unknown code read earlier is not sent on). */
    <E extends Enum<E> & Codes.Code> Checks known(String field, Codes.Coded<E> value) {
        if (value == null || value.raw().isEmpty()) {
            violations.add(new Violation(field, "required", null));
        } else if (!value.isKnown()) {
            violations.add(new Violation(field, "unknown code", value.raw()));
        }
        return this;
    }

    private void maxLength(String field, String value, int maxLength) {
        if (value.length() > maxLength) {
            violations.add(new Violation(field, "max length " + maxLength, value));
        }
    }

    void throwIfAny(String serviceName) {
        if (!violations.isEmpty()) {
            throw new MessageValidationException(serviceName, violations);
        }
    }
}
