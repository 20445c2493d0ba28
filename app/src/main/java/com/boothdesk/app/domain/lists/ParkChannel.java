package com.boothdesk.app.domain.lists;

import java.util.Objects;

/**
 * A lane as the cloud knows it (通道, 2.14 / 3.13).
 *
 * @param channelId id (same id space as in_channel_id / out_channel_id)
 * @param name      passname
 * @param direction entry, exit or both
 * @param laneNo    ETC lane code, "" when none
 * @param deviceNo  access-control device serial, "" when none
 */
public record ParkChannel(String channelId, String name, Direction direction, String laneNo, String deviceNo) {

    /** 进出方向. */
    public enum Direction {
        ENTRY, EXIT, BOTH
    }

    public ParkChannel {
        Objects.requireNonNull(channelId, "channelId");
        Objects.requireNonNull(direction, "direction");
        name = name == null ? "" : name;
        laneNo = laneNo == null ? "" : laneNo;
        deviceNo = deviceNo == null ? "" : deviceNo;
    }
}
