package com.boothdesk.sdk.message.downlink;

import java.time.Instant;

import com.boothdesk.sdk.protocol.ServiceName;

/**
 * 3.35 车场有效期下发 ({@code park_valid}): the vendor changed how long this park's licence runs.
 *
 * @param parkId  车场编号
 * @param uuid    echoed
 * @param expTime 有效期 (exp_time)
 */
public record ParkValid(String parkId, String uuid, Instant expTime) {

    public static final DownlinkType<ParkValid> TYPE = DownlinkType.of(ServiceName.PARK_VALID,
            in -> new ParkValid(in.text("park_id"), in.require("uuid"), in.requireInstant("exp_time")));
}
