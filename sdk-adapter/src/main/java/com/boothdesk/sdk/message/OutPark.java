package com.boothdesk.sdk.message;

import com.boothdesk.sdk.wire.WireCodec;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * 2.2 车辆出场 ({@code out_park}): the exit settlement, sent to 泊链 and 停车云 ({@code uploadOutParkOrder}).
 * Amounts are long fen and written as yuan text with two decimals ("12.50"). Optional fields are null.
 * {@code pay_type} is one of {@link PayType}'s codes; {@code auth_code} is required for {@code sweepcode}.
 * Build with {@link #builder()}.
 */
public record OutPark(String carNumber,
                      long inTimeEpochSec,
                      long outTimeEpochSec,
                      String uid,
                      Long durationMinutes,
                      String carType,
                      String cType,
                      String outType,
                      String payType,
                      String authCode,
                      int emptyPlot,
                      long totalFen,
                      String orderId,
                      String outChannelId,
                      String inChannelId,
                      long amountReceivableFen,
                      Long electronicPrepayFen,
                      Long electronicPayFen,
                      Long cashPrepayFen,
                      Long cashPayFen,
                      String outUid,
                      String freeReasons,
                      String ticketId,
                      Long reduceAmountFen,
                      String workStationUuid,
                      String remark) {

    /** The {@code service_name}. */
    public static final String SERVICE_NAME = "out_park";

    /** A builder; every required field must be set before {@link #toJson()}. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The flat uplink object (no {@code data_target}: the SDK sends 2.2 to both platforms).
     *
     * @throws MessageValidationException naming every broken rule
     */
    public ObjectNode toJson() {
        Checks c = new Checks()
                .required("car_number", carNumber, 8)
                .nonNegative("in_time", inTimeEpochSec)
                .nonNegative("out_time", outTimeEpochSec)
                .required("uid", uid, 24)
                .required("car_type", carType, 12)
                .required("c_type", cType, 12)
                .optional("out_type", outType, 12)
                .required("pay_type", payType, 12)
                .optional("auth_code", authCode, 64)
                .nonNegative("empty_plot", emptyPlot)
                .nonNegative("total", totalFen)
                .orderId("order_id", orderId)
                .optional("out_channel_id", outChannelId, 16)
                .optional("in_channel_id", inChannelId, 16)
                .nonNegative("amount_receivable", amountReceivableFen)
                .required("out_uid", outUid, 12)
                .optional("freereasons", freeReasons, 1024)
                .optional("ticket_id", ticketId, 1024)
                .optional("work_station_uuid", workStationUuid, 24)
                .optional("remark", remark, 1024);
        if ("sweepcode".equals(payType) && (authCode == null || authCode.isEmpty())) {
            c.required("auth_code", authCode, 64);
        }
        c.throwIfAny(SERVICE_NAME);
        ObjectNode o = WireCodec.MAPPER.createObjectNode();
        o.put("service_name", SERVICE_NAME);
        o.put("car_number", carNumber);
        o.put("in_time", inTimeEpochSec);
        o.put("out_time", outTimeEpochSec);
        o.put("uid", uid);
        if (durationMinutes != null) {
            o.put("duration", durationMinutes);
        }
        o.put("car_type", carType);
        o.put("c_type", cType);
        InPark.putIfNotNull(o, "out_type", outType);
        o.put("pay_type", payType);
        InPark.putIfNotNull(o, "auth_code", authCode);
        o.put("empty_plot", emptyPlot);
        o.put("total", Fen.format(totalFen));
        o.put("order_id", orderId);
        InPark.putIfNotNull(o, "out_channel_id", outChannelId);
        InPark.putIfNotNull(o, "in_channel_id", inChannelId);
        o.put("amount_receivable", Fen.format(amountReceivableFen));
        if (electronicPrepayFen != null) {
            o.put("electronic_prepay", Fen.format(electronicPrepayFen));
        }
        if (electronicPayFen != null) {
            o.put("electronic_pay", Fen.format(electronicPayFen));
        }
        if (cashPrepayFen != null) {
            o.put("cash_prepay", Fen.format(cashPrepayFen));
        }
        if (cashPayFen != null) {
            o.put("cash_pay", Fen.format(cashPayFen));
        }
        o.put("out_uid", outUid);
        InPark.putIfNotNull(o, "freereasons", freeReasons);
        InPark.putIfNotNull(o, "ticket_id", ticketId);
        if (reduceAmountFen != null) {
            o.put("reduce_amount", Fen.format(reduceAmountFen));
        }
        InPark.putIfNotNull(o, "work_station_uuid", workStationUuid);
        InPark.putIfNotNull(o, "remark", remark);
        return o;
    }

    /** Tolerant reading: amounts as text or numbers, numbers as text; unknown fields ignored. */
    public static OutPark fromJson(ObjectNode o) {
        return new OutPark(InPark.text(o, "car_number"),
                o.path("in_time").asLong(),
                o.path("out_time").asLong(),
                InPark.text(o, "uid"),
                InPark.longOrNull(o, "duration"),
                InPark.text(o, "car_type"),
                InPark.text(o, "c_type"),
                InPark.text(o, "out_type"),
                InPark.text(o, "pay_type"),
                InPark.text(o, "auth_code"),
                o.path("empty_plot").asInt(),
                money(o, "total"),
                InPark.text(o, "order_id"),
                InPark.text(o, "out_channel_id"),
                InPark.text(o, "in_channel_id"),
                money(o, "amount_receivable"),
                moneyOrNull(o, "electronic_prepay"),
                moneyOrNull(o, "electronic_pay"),
                moneyOrNull(o, "cash_prepay"),
                moneyOrNull(o, "cash_pay"),
                InPark.text(o, "out_uid"),
                InPark.text(o, "freereasons"),
                InPark.text(o, "ticket_id"),
                moneyOrNull(o, "reduce_amount"),
                InPark.text(o, "work_station_uuid"),
                InPark.text(o, "remark"));
    }

    private static long money(ObjectNode o, String field) {
        Long v = moneyOrNull(o, field);
        return v == null ? 0 : v;
    }

    private static Long moneyOrNull(ObjectNode o, String field) {
        JsonNode v = o.get(field);
        if (v == null || v.isNull() || v.asText().isBlank()) {
            return null;
        }
        return Fen.parse(v.asText());
    }

    /** Fluent builder of {@link OutPark}. */
    public static final class Builder {
        private String carNumber;
        private long inTimeEpochSec;
        private long outTimeEpochSec;
        private String uid;
        private Long durationMinutes;
        private String carType;
        private String cType;
        private String outType;
        private String payType;
        private String authCode;
        private int emptyPlot;
        private long totalFen;
        private String orderId;
        private String outChannelId;
        private String inChannelId;
        private long amountReceivableFen;
        private Long electronicPrepayFen;
        private Long electronicPayFen;
        private Long cashPrepayFen;
        private Long cashPayFen;
        private String outUid;
        private String freeReasons;
        private String ticketId;
        private Long reduceAmountFen;
        private String workStationUuid;
        private String remark;

        private Builder() {
        }

        public Builder carNumber(String v) {
            this.carNumber = v;
            return this;
        }

        public Builder inTimeEpochSec(long v) {
            this.inTimeEpochSec = v;
            return this;
        }

        public Builder outTimeEpochSec(long v) {
            this.outTimeEpochSec = v;
            return this;
        }

        public Builder uid(String v) {
            this.uid = v;
            return this;
        }

        public Builder durationMinutes(Long v) {
            this.durationMinutes = v;
            return this;
        }

        public Builder carType(String v) {
            this.carType = v;
            return this;
        }

        public Builder cType(String v) {
            this.cType = v;
            return this;
        }

        public Builder outType(String v) {
            this.outType = v;
            return this;
        }

        public Builder payType(String v) {
            this.payType = v;
            return this;
        }

        public Builder authCode(String v) {
            this.authCode = v;
            return this;
        }

        public Builder emptyPlot(int v) {
            this.emptyPlot = v;
            return this;
        }

        public Builder totalFen(long v) {
            this.totalFen = v;
            return this;
        }

        public Builder orderId(String v) {
            this.orderId = v;
            return this;
        }

        public Builder outChannelId(String v) {
            this.outChannelId = v;
            return this;
        }

        public Builder inChannelId(String v) {
            this.inChannelId = v;
            return this;
        }

        public Builder amountReceivableFen(long v) {
            this.amountReceivableFen = v;
            return this;
        }

        public Builder electronicPrepayFen(Long v) {
            this.electronicPrepayFen = v;
            return this;
        }

        public Builder electronicPayFen(Long v) {
            this.electronicPayFen = v;
            return this;
        }

        public Builder cashPrepayFen(Long v) {
            this.cashPrepayFen = v;
            return this;
        }

        public Builder cashPayFen(Long v) {
            this.cashPayFen = v;
            return this;
        }

        public Builder outUid(String v) {
            this.outUid = v;
            return this;
        }

        public Builder freeReasons(String v) {
            this.freeReasons = v;
            return this;
        }

        public Builder ticketId(String v) {
            this.ticketId = v;
            return this;
        }

        public Builder reduceAmountFen(Long v) {
            this.reduceAmountFen = v;
            return this;
        }

        public Builder workStationUuid(String v) {
            this.workStationUuid = v;
            return this;
        }

        public Builder remark(String v) {
            this.remark = v;
            return this;
        }

        public OutPark build() {
            return new OutPark(carNumber, inTimeEpochSec, outTimeEpochSec, uid, durationMinutes, carType, cType, outType, payType, authCode, emptyPlot, totalFen, orderId, outChannelId, inChannelId, amountReceivableFen, electronicPrepayFen, electronicPayFen, cashPrepayFen, cashPayFen, outUid, freeReasons, ticketId, reduceAmountFen, workStationUuid, remark);
        }
    }
}
