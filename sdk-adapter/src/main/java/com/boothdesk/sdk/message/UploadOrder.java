package com.boothdesk.sdk.message;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * 2.3 异常订单记录上传 / 完整订单记录上传 ({@code upload_order}, data_target {@code cloud}): the 2.2 field set sent
 * to 停车云 only: an exit without an entry record, the completion after an electronic (scancode / sweepcode) or ETC
 * payment. Written and read through {@link OutPark}, which already checks every 2.2 rule.
 *
 * @param order the settled order
 */
public record UploadOrder(OutPark order) {

    /** The {@code service_name}. */
    public static final String SERVICE_NAME = "upload_order";

    /**
     * The flat uplink object: {@link OutPark#toJson()} under {@code upload_order} with {@code data_target cloud}.
     *
     * @throws MessageValidationException naming every broken rule
     */
    public ObjectNode toJson() {
        ObjectNode o;
        try {
            o = order.toJson();
        } catch (MessageValidationException e) {
            throw new MessageValidationException(SERVICE_NAME, e.violations());
        }
        o.put("service_name", SERVICE_NAME);
        o.put("data_target", "cloud");
        return o;
    }

    /** Tolerant reading (amounts as numbers or text, unknown fields ignored), as {@link OutPark#fromJson}. */
    public static UploadOrder fromJson(ObjectNode o) {
        return new UploadOrder(OutPark.fromJson(o));
    }
}
