package com.boothdesk.app.domain.lane;

import java.util.Objects;

/**
 * A lane as the domain sees it.
 *
 * @param id        short code, also the protocol's channel id (in_channel_id / out_channel_id), e.g. {@code A1}
 * @param name      operator-facing name, e.g. 入口1
 * @param direction entry or exit
 */
public record LaneInfo(String id, String name, LaneDirection direction) {
    public LaneInfo {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(direction, "direction");
        if (!id.matches("[0-9A-Za-z_]{1,16}")) {
            throw new IllegalArgumentException("lane id must be 1-16 of [0-9A-Za-z_], got '" + id + "'");
        }
    }
}
