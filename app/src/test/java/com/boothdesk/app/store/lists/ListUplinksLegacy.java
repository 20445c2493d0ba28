package com.boothdesk.app.store.lists;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import com.boothdesk.app.domain.lists.BlacklistEntry;
import com.boothdesk.app.domain.lists.CarType;
import com.boothdesk.app.domain.lists.Collector;
import com.boothdesk.app.domain.lists.MonthMember;
import com.boothdesk.app.domain.lists.MonthPackage;
import com.boothdesk.app.domain.lists.MonthRenewal;
import com.boothdesk.app.domain.lists.MonthlyCard;
import com.boothdesk.app.domain.lists.ParkChannel;
import com.boothdesk.app.domain.lists.StoredValueAccount;
import com.boothdesk.app.domain.lists.StoredValueTrade;
import com.boothdesk.app.domain.lists.WhiteListEntry;
import com.boothdesk.sdk.message.Fen;
import com.boothdesk.sdk.wire.WireCodec;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The hand-built JSON ListUplinks wrote before the typed records (kept to prove the records write the same).
 * The booth-side list uplinks as documented in protocol notes §2 (times in Unix seconds, money as yuan text with
 * two decimals), each with {@code data_target "cloud"}.
 */
final class ListUplinksLegacy {

    /** operate_type values (§5). */
    public static final int ADD = 1;
    public static final int MODIFY = 2;
    public static final int DELETE = 3;

    /**
     * 2.25 储值卡上传: the notes found neither its service_name nor its fields. INFERRED: named after its twins
     * (month_card_sync/upload_month_card, gate_sync/upload_gate, ...) and carrying the 3.20 prepay_card_sync fields.
     */
    public static final String PREPAY_CARD_UPLOAD = "upload_prepay_card";
    /**
     * 2.27 储值卡扣除余额上传: service_name and fields not found. INFERRED: the 2.26 prepay_card_record fields plus
     * order_id, account_type 0 (支出, as in 3.21) and the balance left.
     */
    public static final String PREPAY_CARD_DEDUCTION = "prepay_card_deduction";
    /**
     * 2.35 内部车上传: service_name not found. INFERRED: named after its twin white_list_sync; fields as the notes'
     * best guess, the HTTP handlewhitecar set (car_number, b_time, e_time, end_type, user_name, ...).
     */
    public static final String WHITE_LIST_UPLOAD = "upload_white_list";

    private ListUplinksLegacy() {
    }

    /** Outbox delivery key: uplinks about one list row are delivered in the order they were made. */
    public static String key(String kind, String id) {
        String k = kind + ":" + id;
        return k.length() <= 64 ? k : k.substring(0, 64);
    }

    /** 2.4 upload_collector (operate_type 1 添加或修改, 3 删除). */
    public static ObjectNode collector(Collector x, int op, Instant at) {
        ObjectNode o = base("upload_collector");
        o.put("user_id", x.userId());
        o.put("name", cut(x.name(), 24));
        o.put("create_time", at.getEpochSecond());
        o.put("update_time", at.getEpochSecond());
        o.put("sex", x.sex());
        o.put("operate_type", op == DELETE ? DELETE : ADD);
        return o;
    }

    /** 2.8 upload_month_card. */
    public static ObjectNode monthPackage(MonthPackage p, int op, Instant at) {
        ObjectNode o = base("upload_month_card");
        o.put("package_id", p.packageId());
        o.put("name", cut(p.name(), 24));
        o.put("price", Fen.format(p.priceFen()));
        o.put("period", p.period());
        o.put("describe", cut(p.description(), 48));
        o.put("car_type", p.carTypeId());
        o.put("create_time", at.getEpochSecond());
        o.put("update_time", at.getEpochSecond());
        o.put("operate_type", op);
        return o;
    }

    /** 2.10 upload_month_member; validity sent as the first second of the first day and the last of the last. */
    public static ObjectNode monthMember(MonthMember m, int op, Instant at, ZoneId zone) {
        MonthlyCard card = m.card();
        ObjectNode o = base("upload_month_member");
        o.put("card_id", card.cardId());
        o.put("create_time", at.getEpochSecond());
        o.put("update_time", at.getEpochSecond());
        o.put("car_number", String.join(",", card.plates()));
        o.put("operate_type", op);
        if (op != DELETE) {
            o.put("begin_time", startOf(card.validFrom(), zone));
            o.put("end_time", endOf(card.validTo(), zone));
            o.put("price", Fen.format(m.priceFen()));
            o.put("amount_receivable", Fen.format(m.receivableFen()));
            o.put("pid", m.packageId());
            o.put("p_lot", String.valueOf(card.spaces()));
            o.put("name", cut(card.owner(), 24));
            o.put("tel", cut(m.tel(), 15));
            o.put("address", cut(m.address(), 32));
            o.put("remark", cut(m.remark(), 32));
            o.put("car_type", card.vehicleClass());
            o.put("channel_id", String.join(",", card.channels()));
        }
        return o;
    }

    /** 2.13 month_pay_record. */
    public static ObjectNode monthRenewal(MonthRenewal r, String plate, ZoneId zone) {
        ObjectNode o = base("month_pay_record");
        o.put("trade_no", r.tradeNo());
        o.put("card_id", r.cardId());
        o.put("pay_time", r.paidAt().getEpochSecond());
        o.put("amount_receivable", Fen.format(r.receivableFen()));
        o.put("amount_pay", Fen.format(r.paidFen()));
        o.put("pay_type", cut(r.payType(), 12));
        o.put("collector", cut(r.collector(), 24));
        if (r.buyMonths() > 0) {
            o.put("buy_month", r.buyMonths());
        }
        o.put("car_number", plate);
        if (r.validFrom() != null) {
            o.put("start_time", startOf(r.validFrom(), zone));
        }
        o.put("limit_time", endOf(r.validTo(), zone));
        o.put("resume", cut(r.remark(), 48));
        return o;
    }

    /** 2.14 upload_gate: passtype 0 入口, 1 出口, 2 出入口 as documented for 2.14. */
    public static ObjectNode gate(ParkChannel ch, int op) {
        ObjectNode o = base("upload_gate");
        o.put("passname", cut(ch.name(), 24));
        o.put("passtype", switch (ch.direction()) {
            case ENTRY -> 0;
            case EXIT -> 1;
            case BOTH -> 2;
        });
        o.put("operate_type", op);
        o.put("channel_id", ch.channelId());
        if (!ch.laneNo().isEmpty()) {
            o.put("lane_no", ch.laneNo());
        }
        if (!ch.deviceNo().isEmpty()) {
            o.put("device_no", ch.deviceNo());
        }
        return o;
    }

    /** 2.15 upload_blackuser (the daily window and weekdays are local only: the protocol has no field for them). */
    public static ObjectNode blackuser(BlacklistEntry b, int op, String operator, Instant at) {
        ObjectNode o = base("upload_blackuser");
        o.put("black_uuid", b.blackId());
        o.put("car_number", b.plate());
        o.put("operator", cut(operator, 24));
        o.put("create_time", at.getEpochSecond());
        o.put("resume", cut(b.reason(), 48));
        o.put("operate_type", op);
        return o;
    }

    /** 2.16 upload_car_type. */
    public static ObjectNode carType(CarType t, int op, Instant at) {
        ObjectNode o = base("upload_car_type");
        o.put("car_type_id", t.carTypeId());
        o.put("name", cut(t.name(), 24));
        o.put("create_time", at.getEpochSecond());
        o.put("update_time", at.getEpochSecond());
        o.put("sort", t.sort());
        o.put("operate_type", op);
        return o;
    }

    /** 2.25 (INFERRED, see {@link #PREPAY_CARD_UPLOAD}). */
    public static ObjectNode prepayCard(StoredValueAccount a, int op, Instant at) {
        ObjectNode o = base(PREPAY_CARD_UPLOAD);
        o.put("card_id", a.cardId());
        o.put("car_number", String.join(",", a.plates()));
        o.put("name", cut(a.name(), 24));
        o.put("mobile", cut(a.mobile(), 15));
        o.put("total_price", Fen.format(a.balanceFen()));
        o.put("car_type_id", a.carTypeId());
        o.put("remark", cut(a.remark(), 32));
        o.put("create_time", at.getEpochSecond());
        o.put("update_time", at.getEpochSecond());
        o.put("operate_type", op);
        return o;
    }

    /** 2.26 prepay_card_record (a top-up made at the booth). */
    public static ObjectNode prepayTopUp(StoredValueTrade t) {
        ObjectNode o = base("prepay_card_record");
        o.put("trade_no", t.tradeNo());
        o.put("card_id", t.cardId());
        o.put("pay_time", t.at().getEpochSecond());
        o.put("pay_type", cut(t.payType(), 12));
        o.put("car_number", t.plate());
        o.put("total_price", Fen.format(t.amountFen()));
        o.put("actual_money", new java.math.BigDecimal(Fen.format(t.actualFen())));
        return o;
    }

    /** 2.27 (INFERRED, see {@link #PREPAY_CARD_DEDUCTION}); {@code total_price} is the positive amount taken. */
    public static ObjectNode prepayDeduction(StoredValueTrade t, long balanceAfterFen) {
        ObjectNode o = base(PREPAY_CARD_DEDUCTION);
        o.put("trade_no", t.tradeNo());
        o.put("card_id", t.cardId());
        o.put("pay_time", t.at().getEpochSecond());
        o.put("pay_type", cut(t.payType(), 12));
        o.put("car_number", t.plate());
        o.put("order_id", t.orderId());
        o.put("total_price", Fen.format(Math.abs(t.amountFen())));
        o.put("account_type", 0);
        o.put("balance", Fen.format(balanceAfterFen));
        return o;
    }

    /** 2.29 upload_ticket_deduction; ticket_id is a Number in the notes, sent as one when it is numeric. */
    public static ObjectNode ticketDeduction(String ticketId, String plate, String shopName, String orderId,
                                             Instant usedAt, long deductionFen, String remark) {
        ObjectNode o = base("upload_ticket_deduction");
        if (ticketId.matches("\\d{1,18}")) {
            o.put("ticket_id", Long.parseLong(ticketId));
        } else {
            o.put("ticket_id", ticketId);
        }
        o.put("car_number", plate);
        o.put("shop_name", cut(shopName, 24));
        o.put("order_id", orderId);
        o.put("use_time", usedAt.getEpochSecond());
        o.put("deduction_amount", Fen.format(deductionFen));
        if (remark != null && !remark.isEmpty()) {
            o.put("remark", cut(remark, 32));
        }
        return o;
    }

    /** 2.35 (INFERRED, see {@link #WHITE_LIST_UPLOAD}); e_time is left out for a long-term entry (end_type 1). */
    public static ObjectNode whiteList(WhiteListEntry w, int op, String whiteId, Instant at, ZoneId zone) {
        ObjectNode o = base(WHITE_LIST_UPLOAD);
        o.put("car_number", w.plate());
        o.put("operate_type", op);
        if (whiteId != null && !whiteId.isEmpty()) {
            o.put("caed_id", whiteId);
        }
        o.put("b_time", startOf(w.validFrom(), zone));
        o.put("end_type", w.longTerm() ? 1 : 0);
        if (!w.longTerm()) {
            o.put("e_time", endOf(w.validTo(), zone));
        }
        o.put("user_name", cut(w.name(), 24));
        o.put("remark", cut(w.remark(), 32));
        o.put("create_time", at.getEpochSecond());
        return o;
    }

    /**
     * Free text cut to the width the notes document for the field: the cloud reads lines of at most 1,024 bytes,
     * and an uplink the link refuses as too long would never be delivered.
     */
    static String cut(String s, int max) {
        return JdbcListStore.cut(s, max);
    }

    private static ObjectNode base(String serviceName) {
        ObjectNode o = WireCodec.MAPPER.createObjectNode();
        o.put("service_name", serviceName);
        o.put("data_target", "cloud");
        return o;
    }

    static long startOf(LocalDate day, ZoneId zone) {
        return day.atStartOfDay(zone).toEpochSecond();
    }

    static long endOf(LocalDate day, ZoneId zone) {
        return day.plusDays(1).atStartOfDay(zone).toEpochSecond() - 1;
    }
}
