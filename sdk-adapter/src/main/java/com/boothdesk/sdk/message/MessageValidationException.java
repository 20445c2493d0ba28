package com.boothdesk.sdk.message;

import java.util.List;

/** A message that breaks the documented rules; every violation names the field, the rule and the value. */
public final class MessageValidationException extends IllegalArgumentException {

    private final transient List<Violation> violations;

    public MessageValidationException(String serviceName, List<Violation> violations) {
        super(serviceName + ": " + String.join("; ", violations.stream().map(Violation::toString).toList()));
        this.violations = List.copyOf(violations);
    }

    /** Every rule that was broken. */
    public List<Violation> violations() {
        return violations;
    }
}
