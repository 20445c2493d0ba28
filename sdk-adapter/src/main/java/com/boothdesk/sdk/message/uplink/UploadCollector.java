package com.boothdesk.sdk.message.uplink;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * 2.4 车场收费员信息上传: operate_type 1 添加或修改, 3 删除. Data target {@code cloud}; strict when written, tolerant when read ({@link UplinkFields}).
 *
 * @param userId {@code user_id} required
 * @param name {@code name}
 * @param createTime {@code create_time}
 * @param updateTime {@code update_time}
 * @param sex {@code sex}
 * @param operateType {@code operate_type} required
 */
public record UploadCollector(String userId, String name, Long createTime, Long updateTime, Integer sex, Integer operateType) {

    /** The {@code service_name}. */
    public static final String SERVICE_NAME = "upload_collector";

    /** The flat uplink object. @throws com.boothdesk.sdk.message.MessageValidationException naming every broken rule */
    public ObjectNode toJson() {
        return UplinkFields.write(SERVICE_NAME, "cloud")
                .text("user_id", userId, true, UplinkFields.ANY)
                .text("name", name, false, 24)
                .time("create_time", createTime, false)
                .time("update_time", updateTime, false)
                .number("sex", sex, false)
                .number("operate_type", operateType, true)
                .done();
    }

    /** Tolerant reading (numbers and money as text or numbers, unknown fields ignored). */
    public static UploadCollector fromJson(ObjectNode o) {
        UplinkFields.Reader r = UplinkFields.read(o);
        return new UploadCollector(r.text("user_id"),
                r.text("name"),
                r.number("create_time"),
                r.number("update_time"),
                r.integer("sex"),
                r.integer("operate_type"));
    }
}
