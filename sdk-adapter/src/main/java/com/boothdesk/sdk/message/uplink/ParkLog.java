package com.boothdesk.sdk.message.uplink;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * 2.6 日志上传 ({@code park_log}, data_target {@code cloud}): an operation log line of the park, e.g.
 * {@code "修改了车场(3251)价格:4644"} in the notes' example. Strict when written (the notes' widths), tolerant when read.
 *
 * @param logId       日志编号, required, max 24 (the reply's key)
 * @param content     内容, required, max 128
 * @param operateTime 操作时间 (unix s), required
 * @param userId      车场收费员编号, required, max 24
 * @param remark      备注, optional, max 32
 */
public record ParkLog(String logId, String content, Long operateTime, String userId, String remark) {

    /** The {@code service_name}. */
    public static final String SERVICE_NAME = "park_log";

    /** The flat uplink object. @throws com.boothdesk.sdk.message.MessageValidationException naming every broken rule */
    public ObjectNode toJson() {
        return UplinkFields.write(SERVICE_NAME, "cloud")
                .text("log_id", logId, true, 24)
                .text("content", content, true, 128)
                .time("operate_time", operateTime, true)
                .text("user_id", userId, true, 24)
                .text("remark", remark, false, 32)
                .done();
    }

    /** Tolerant reading (numbers as text or numbers, unknown fields such as {@code type} ignored). */
    public static ParkLog fromJson(ObjectNode o) {
        UplinkFields.Reader r = UplinkFields.read(o);
        return new ParkLog(r.text("log_id"), r.text("content"), r.number("operate_time"), r.text("user_id"),
                r.text("remark"));
    }
}
