package com.boothdesk.sdk.message;

import com.boothdesk.sdk.wire.WireCodec;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * 2.5 员工上下班记录上传 ({@code work_record}, data_target {@code cloud}): a collector goes on or off duty.
 *
 * @param uuid            收费员上下班唯一编号, max 24, required (the reply's key)
 * @param userId          车场收费员编号, max 24, required
 * @param startTimeSec    上班时间 (unix s), required when on duty, max 15 digits
 * @param endTimeSec      下班时间 (unix s), required when off duty, max 15 digits
 * @param workStationUuid 车场工作站 id, max 24, optional
 * @param state           0 上班 / 1 下班 ({@link Codes.WorkState}); an unknown code is kept when read, refused when
 *                        written
 */
public record WorkRecord(String uuid, String userId, Long startTimeSec, Long endTimeSec, String workStationUuid,
                         Codes.Coded<Codes.WorkState> state) {

    /** The {@code service_name}. */
    public static final String SERVICE_NAME = "work_record";

    /** Going on duty. */
    public static WorkRecord onDuty(String uuid, String userId, long startTimeSec, String workStationUuid) {
        return new WorkRecord(uuid, userId, startTimeSec, null, workStationUuid, Codes.of(Codes.WorkState.ON_DUTY));
    }

    /** Going off duty (the start of the shift is repeated, as the notes' example does). */
    public static WorkRecord offDuty(String uuid, String userId, Long startTimeSec, long endTimeSec,
                                     String workStationUuid) {
        return new WorkRecord(uuid, userId, startTimeSec, endTimeSec, workStationUuid,
                Codes.of(Codes.WorkState.OFF_DUTY));
    }

    /**
     * The flat uplink object.
     *
     * @throws MessageValidationException naming every broken rule
     */
    public ObjectNode toJson() {
        Checks c = new Checks().required("uuid", uuid, 24).required("user_id", userId, 24)
                .optional("work_station_uuid", workStationUuid, 24).known("state", state);
        boolean on = state != null && state.known().orElse(null) == Codes.WorkState.ON_DUTY;
        boolean off = state != null && state.known().orElse(null) == Codes.WorkState.OFF_DUTY;
        c.time("start_time", startTimeSec, on, 15).time("end_time", endTimeSec, off, 15).throwIfAny(SERVICE_NAME);
        ObjectNode o = WireCodec.MAPPER.createObjectNode();
        o.put("service_name", SERVICE_NAME);
        o.put("data_target", "cloud");
        o.put("uuid", uuid);
        o.put("user_id", userId);
        if (startTimeSec != null) {
            o.put("start_time", startTimeSec);
        }
        if (endTimeSec != null) {
            o.put("end_time", endTimeSec);
        }
        InPark.putIfNotNull(o, "work_station_uuid", workStationUuid);
        o.set("state", Codes.write(Codes.WorkState.class, state));
        return o;
    }

    /** Tolerant reading: numbers as text, a Number work_station_uuid (the older demo), unknown fields ignored. */
    public static WorkRecord fromJson(ObjectNode o) {
        return new WorkRecord(InPark.text(o, "uuid"), InPark.text(o, "user_id"), InPark.longOrNull(o, "start_time"),
                InPark.longOrNull(o, "end_time"), InPark.text(o, "work_station_uuid"),
                Codes.read(Codes.WorkState.class, o.get("state")));
    }
}
