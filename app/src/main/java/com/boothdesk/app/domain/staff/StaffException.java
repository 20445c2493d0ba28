package com.boothdesk.app.domain.staff;

import java.util.List;

/** A refused account, log-in, shift or supervisor action: {@code key} is the message key (zh_CN / en bundles). */
public final class StaffException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String key;
    private final transient List<Object> args;

    public StaffException(String key, String detail, Object... args) {
        super(key + ": " + detail);
        this.key = key;
        this.args = List.of(args);
    }

    public String key() {
        return key;
    }

    public List<Object> args() {
        return args;
    }
}
