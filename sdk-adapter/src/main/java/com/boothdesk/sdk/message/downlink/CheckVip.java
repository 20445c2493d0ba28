package com.boothdesk.sdk.message.downlink;

import java.time.LocalDate;

import com.boothdesk.sdk.protocol.ServiceName;

/**
 * 3.38 车辆包月账单信息查询 ({@code check_vip}, city platform, answered in the parkInfo envelope): is this plate a
 * monthly car of the park (for the period asked)?
 *
 * @param carNumber    plate
 * @param licenseColor 0..7 (null when not sent)
 * @param amountFen    amount (元 on the wire)
 * @param startDate    YYYY-MM-DD (null when not sent)
 * @param endDate      YYYY-MM-DD (null when not sent)
 */
public record CheckVip(String carNumber, Integer licenseColor, long amountFen, LocalDate startDate,
                       LocalDate endDate) {

    public static final DownlinkType<CheckVip> TYPE = DownlinkType.of(ServiceName.CHECK_VIP, in -> {
        var s = in.instant("start_time");
        var e = in.instant("end_time");
        return new CheckVip(in.require("car_number"), in.number("license_color") == null ? null
                : in.integer("license_color", 0), in.fen("amount", 0), s == null ? null : in.startDate(s),
                e == null ? null : in.local(e).toLocalDate());
    });
}
