package com.boothdesk.sdk.protocol;

/**
 * One finding of the {@link ProtocolValidator}: an ERROR breaks the documented rules (strict writing refuses it), a
 * WARNING is readable anyway (tolerant reading accepts it, e.g. a Number sent as text).
 *
 * @param severity ERROR or WARNING
 * @param field    the field
 * @param rule     the rule, e.g. "required", "max length 8", "type Number"
 * @param value    the offending value as text, null when absent
 */
public record Issue(Severity severity, String field, String rule, String value) {

    /** How bad an issue is. */
    public enum Severity {
        ERROR, WARNING
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    @Override
    public String toString() {
        return severity + " " + field + ": " + rule + " (value: " + (value == null ? "absent" : "\"" + value + "\"")
                + ")";
    }
}
