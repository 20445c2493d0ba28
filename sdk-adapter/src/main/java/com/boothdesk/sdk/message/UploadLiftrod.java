package com.boothdesk.sdk.message;

import com.boothdesk.sdk.wire.WireCodec;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * 2.11 异常抬杆/落杆上传 ({@code upload_liftrod}, data_target {@code cloud}): the barrier was lifted (or dropped)
 * without an order, e.g. by the attendant's button. Its pictures go with 2.12 ({@code picture_source liftrod}, same
 * {@code liftrod_id}).
 *
 * @param liftrodId     操作编号, max 24, required (the reply's key)
 * @param operate       0 抬杆 / 1 落杆 ({@link Codes.LiftrodOperate}); optional, an unknown code is refused when written
 * @param createTimeSec 新建时间 (unix s), optional
 * @param updateTimeSec 修改时间 (unix s), optional
 * @param reason        异常抬杆原因 (doc 5.1.9, values not in the notes; the example sends 50), optional, max 2 digits
 * @param channelId     通道编号, max 16, required
 * @param userId        车场收费员编号, max 24, required
 * @param carNumber     车牌, max 8, optional
 * @param orderId       订单记录号, max 48, optional
 * @param resume        备注, max 32, optional
 */
public record UploadLiftrod(String liftrodId, Codes.Coded<Codes.LiftrodOperate> operate, Long createTimeSec,
                            Long updateTimeSec, Integer reason, String channelId, String userId, String carNumber,
                            String orderId, String resume) {

    /** The {@code service_name}. */
    public static final String SERVICE_NAME = "upload_liftrod";

    /**
     * The flat uplink object.
     *
     * @throws MessageValidationException naming every broken rule
     */
    public ObjectNode toJson() {
        Checks c = new Checks().required("liftrod_id", liftrodId, 24).time("create_time", createTimeSec, false, 15)
                .time("update_time", updateTimeSec, false, 15).required("channel_id", channelId, 16)
                .required("user_id", userId, 24).optional("car_number", carNumber, 8)
                .optional("resume", resume, 32).oneOf("reason", reason, 0, 99);
        if (operate != null && !operate.raw().isEmpty()) {
            c.known("operate", operate);
        }
        if (orderId != null) {
            c.orderId("order_id", orderId);
        }
        c.throwIfAny(SERVICE_NAME);
        ObjectNode o = WireCodec.MAPPER.createObjectNode();
        o.put("service_name", SERVICE_NAME);
        o.put("data_target", "cloud");
        o.put("liftrod_id", liftrodId);
        if (operate != null && !operate.raw().isEmpty()) {
            o.set("operate", Codes.write(Codes.LiftrodOperate.class, operate));
        }
        if (createTimeSec != null) {
            o.put("create_time", createTimeSec);
        }
        if (updateTimeSec != null) {
            o.put("update_time", updateTimeSec);
        }
        if (reason != null) {
            o.put("reason", reason);
        }
        o.put("channel_id", channelId);
        o.put("user_id", userId);
        InPark.putIfNotNull(o, "car_number", carNumber);
        InPark.putIfNotNull(o, "order_id", orderId);
        InPark.putIfNotNull(o, "resume", resume);
        return o;
    }

    /** Tolerant reading: numbers as text, unknown fields ignored, an unknown operate code kept. */
    public static UploadLiftrod fromJson(ObjectNode o) {
        return new UploadLiftrod(InPark.text(o, "liftrod_id"), Codes.read(Codes.LiftrodOperate.class, o.get("operate")),
                InPark.longOrNull(o, "create_time"), InPark.longOrNull(o, "update_time"), InPark.intOrNull(o, "reason"),
                InPark.text(o, "channel_id"), InPark.text(o, "user_id"), InPark.text(o, "car_number"),
                InPark.text(o, "order_id"), InPark.text(o, "resume"));
    }
}
