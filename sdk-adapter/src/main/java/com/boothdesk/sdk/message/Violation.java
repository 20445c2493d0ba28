package com.boothdesk.sdk.message;

/**
 * One broken rule of a message.
 *
 * @param field the field name
 * @param rule  the rule, e.g. "required", "max length 8", "type Number"
 * @param value the offending value as text (null when absent)
 */
public record Violation(String field, String rule, String value) {

    @Override
    public String toString() {
        return field + ": " + rule + " (value: " + (value == null ? "absent" : "\"" + value + "\"") + ")";
    }
}
