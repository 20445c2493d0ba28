package com.boothdesk.app.domain.lane;

import java.util.List;

/**
 * An attendant action that cannot be done in the lane's present state; the message key (with its arguments, when
 * the message has placeholders) explains why.
 */
public final class LaneException extends RuntimeException {

    private final String messageKey;
    private final List<Object> args;

    public LaneException(String messageKey, String detail) {
        this(messageKey, detail, List.of());
    }

    /** With the arguments of the message's placeholders ({0}, {1} …). */
    public LaneException(String messageKey, String detail, List<Object> args) {
        super(detail);
        this.messageKey = messageKey;
        this.args = List.copyOf(args);
    }

    public String messageKey() {
        return messageKey;
    }

    /** The arguments of the message's placeholders; empty when it has none. */
    public List<Object> args() {
        return args;
    }
}
