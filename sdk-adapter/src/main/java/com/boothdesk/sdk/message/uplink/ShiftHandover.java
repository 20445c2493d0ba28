package com.boothdesk.sdk.message.uplink;

import com.boothdesk.sdk.message.GenericUplink;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * 2.22 岗亭交接班记录. The notes know neither its service_name nor its fields (protocol notes §9): it goes under the
 * service_name the site configures ({@code staff.handover_service_name}), data_target {@code bolink} as the catalogue
 * lists it, with the booth's own fields named in the protocol's style (money as yuan text as in upload_order, times in
 * unix seconds). All of it INFERRED. Strict when written (the service_name must be a wire name), tolerant when read.
 *
 * <p>Money in fen; {@code nextUserId}, {@code countedCashFen} and {@code cashDiffFen} are left out when null (no
 * incoming attendant, cash not counted).
 */
public record ShiftHandover(String serviceName, String uuid, String workStationUuid, String userId, String nextUserId,
                            String closedBy, Long startTime, Long endTime, Long orderCount, Long amountReceivableFen,
                            Long reduceAmountFen, Long totalFen, Long cashPayFen, Long electronicPayFen,
                            Long electronicPrepayFen, Long walletPayFen, Long freeCount, Long freeAmountFen,
                            Long norecordCount, Long norecordAmountFen, Long liftrodCount, Long inCount, Long outCount,
                            Long expectedCashFen, Long countedCashFen, Long cashDiffFen, String remark) {

    /** The data_target the catalogue gives 2.22. */
    public static final String DATA_TARGET = "bolink";

    /** The flat uplink object. @throws com.boothdesk.sdk.message.MessageValidationException naming every broken rule */
    public ObjectNode toJson() {
        ObjectNode fields = UplinkFields.write(serviceName == null ? "?" : serviceName, DATA_TARGET)
                .text("uuid", uuid, true, UplinkFields.ANY)
                .text("work_station_uuid", workStationUuid, false, UplinkFields.ANY)
                .text("user_id", userId, true, UplinkFields.ANY)
                .text("next_user_id", nextUserId, false, UplinkFields.ANY)
                .text("closed_by", closedBy, false, UplinkFields.ANY)
                .time("start_time", startTime, true)
                .time("end_time", endTime, true)
                .number("order_count", orderCount, false)
                .yuan("amount_receivable", amountReceivableFen, false)
                .yuan("reduce_amount", reduceAmountFen, false)
                .yuan("total", totalFen, false)
                .yuan("cash_pay", cashPayFen, false)
                .yuan("electronic_pay", electronicPayFen, false)
                .yuan("electronic_prepay", electronicPrepayFen, false)
                .yuan("wallet_pay", walletPayFen, false)
                .number("free_count", freeCount, false)
                .yuan("free_amount", freeAmountFen, false)
                .number("norecord_count", norecordCount, false)
                .yuan("norecord_amount", norecordAmountFen, false)
                .number("liftrod_count", liftrodCount, false)
                .number("in_count", inCount, false)
                .number("out_count", outCount, false)
                .yuan("expected_cash", expectedCashFen, false)
                .yuan("counted_cash", countedCashFen, false)
                .yuan("cash_diff", cashDiffFen, false)
                .text("remark", remark == null ? "" : remark, false, UplinkFields.ANY)
                .done();
        return new GenericUplink(serviceName, DATA_TARGET, fields).toJson();
    }

    /** Tolerant reading (numbers and money as text or numbers, unknown fields ignored). */
    public static ShiftHandover fromJson(ObjectNode o) {
        UplinkFields.Reader r = UplinkFields.read(o);
        return new ShiftHandover(r.text("service_name"), r.text("uuid"), r.text("work_station_uuid"),
                r.text("user_id"), r.text("next_user_id"), r.text("closed_by"), r.number("start_time"),
                r.number("end_time"), r.number("order_count"), r.fen("amount_receivable"), r.fen("reduce_amount"),
                r.fen("total"), r.fen("cash_pay"), r.fen("electronic_pay"), r.fen("electronic_prepay"),
                r.fen("wallet_pay"), r.number("free_count"), r.fen("free_amount"), r.number("norecord_count"),
                r.fen("norecord_amount"), r.number("liftrod_count"), r.number("in_count"), r.number("out_count"),
                r.fen("expected_cash"), r.fen("counted_cash"), r.fen("cash_diff"), r.text("remark"));
    }
}
