package com.boothdesk.app.domain.lane;

import java.util.List;

/**
 * Which rung decided, and what: {@code messageKey} (resource bundle) with its arguments explains it to the
 * attendant; the same decision is logged.
 */
public record Decision(Step step, String messageKey, List<Object> args) {

    public Decision {
        args = List.copyOf(args);
    }

    public static Decision of(Step step, String key, Object... args) {
        return new Decision(step, key, List.of(args));
    }

    @Override
    public String toString() {
        return step + ":" + messageKey + args;
    }
}
