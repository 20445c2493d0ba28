package com.boothdesk.sdk.protocol;

/** Wire type of a field, as the protocol tables state it. */
public enum FieldType {
    /** String. */
    S("String"),
    /** Number, integral (times, counts, codes). */
    N("Number"),
    /** Number with decimals (Double / float in the tables). */
    D("Decimal"),
    /** Money in yuan as text with at most two decimals ("12.50"). */
    M("Money"),
    /** JSON object (or array where the tables say Json). */
    J("Json"),
    /** JSON array. */
    A("Array");

    private final String label;

    FieldType(String label) {
        this.label = label;
    }

    /** Name used in tables and messages. */
    public String label() {
        return label;
    }
}
