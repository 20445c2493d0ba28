package com.boothdesk.app.domain.lists;

import java.util.Objects;

/**
 * A toll collector (收费员, 2.4 / 3.8).
 *
 * @param userId id, used as uid/out_uid in orders
 * @param name   name
 * @param sex    the protocol's sex code (values undocumented; 0 = not said)
 */
public record Collector(String userId, String name, int sex) {

    public Collector {
        Objects.requireNonNull(userId, "userId");
        name = name == null ? "" : name;
    }
}
