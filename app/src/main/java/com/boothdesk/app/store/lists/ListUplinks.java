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
import com.boothdesk.sdk.message.uplink.MonthPayRecord;
import com.boothdesk.sdk.message.uplink.PrepayCardDeduction;
import com.boothdesk.sdk.message.uplink.PrepayCardRecord;
import com.boothdesk.sdk.message.uplink.UploadBlackuser;
import com.boothdesk.sdk.message.uplink.UploadCarType;
import com.boothdesk.sdk.message.uplink.UploadCollector;
import com.boothdesk.sdk.message.uplink.UploadGate;
import com.boothdesk.sdk.message.uplink.UploadMonthCard;
import com.boothdesk.sdk.message.uplink.UploadMonthMember;
import com.boothdesk.sdk.message.uplink.UploadPrepayCard;
import com.boothdesk.sdk.message.uplink.UploadTicketDeduction;
import com.boothdesk.sdk.message.uplink.UploadWhiteList;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The booth-side list uplinks: the booth's list rows mapped onto the typed messages of {@code sdk.message.uplink}
 * (which write the protocol JSON: times in Unix seconds, money as yuan text with two decimals, data_target
 * {@code cloud}). Free text is cut here to the width the notes give, so an operator's long text never makes an
 * uplink the cloud cannot take; nothing here builds JSON itself.
 */
public final class ListUplinks {

    /** operate_type values (§5). */
    public static final int ADD = 1;
    public static final int MODIFY = 2;
    public static final int DELETE = 3;

    /**
     * 2.25 储值卡上传: the notes found neither its service_name nor its fields. INFERRED: named after its twins
     * (month_card_sync/upload_month_card, gate_sync/upload_gate, ...) and carrying the 3.20 prepay_card_sync fields.
     */
    public static final String PREPAY_CARD_UPLOAD = UploadPrepayCard.SERVICE_NAME;
    /**
     * 2.27 储值卡扣除余额上传: service_name and fields not found. INFERRED: the 2.26 prepay_card_record fields plus
     * order_id, account_type 0 (支出, as in 3.21) and the balance left.
     */
    public static final String PREPAY_CARD_DEDUCTION = PrepayCardDeduction.SERVICE_NAME;
    /**
     * 2.35 内部车上传: service_name not found. INFERRED: named after its twin white_list_sync; fields as the notes'
     * best guess, the HTTP handlewhitecar set (car_number, b_time, e_time, end_type, user_name, ...).
     */
    public static final String WHITE_LIST_UPLOAD = UploadWhiteList.SERVICE_NAME;

    private ListUplinks() {
    }

    /** Outbox delivery key: uplinks about one list row are delivered in the order they were made. */
    public static String key(String kind, String id) {
        String k = kind + ":" + id;
        return k.length() <= 64 ? k : k.substring(0, 64);
    }

    /** 2.4 upload_collector (operate_type 1 添加或修改, 3 删除). */
    public static ObjectNode collector(Collector x, int op, Instant at) {
        return new UploadCollector(x.userId(), cut(x.name(), 24), at.getEpochSecond(), at.getEpochSecond(), x.sex(),
                op == DELETE ? DELETE : ADD).toJson();
    }

    /** 2.8 upload_month_card. */
    public static ObjectNode monthPackage(MonthPackage p, int op, Instant at) {
        return new UploadMonthCard(p.packageId(), cut(p.name(), 24), p.priceFen(), p.period(),
                cut(p.description(), 48), p.carTypeId(), at.getEpochSecond(), at.getEpochSecond(), op).toJson();
    }

    /** 2.10 upload_month_member; validity sent as the first second of the first day and the last of the last. */
    public static ObjectNode monthMember(MonthMember m, int op, Instant at, ZoneId zone) {
        MonthlyCard card = m.card();
        long now = at.getEpochSecond();
        String plates = String.join(",", card.plates());
        if (op == DELETE) {
            return new UploadMonthMember(card.cardId(), now, now, plates, op, null, null, null, null, null, null, null,
                    null, null, null, null, null).toJson();
        }
        return new UploadMonthMember(card.cardId(), now, now, plates, op, startOf(card.validFrom(), zone),
                endOf(card.validTo(), zone), m.priceFen(), m.receivableFen(), m.packageId(),
                String.valueOf(card.spaces()), cut(card.owner(), 24), cut(m.tel(), 15), cut(m.address(), 32),
                cut(m.remark(), 32), card.vehicleClass(), String.join(",", card.channels())).toJson();
    }

    /** 2.13 month_pay_record. */
    public static ObjectNode monthRenewal(MonthRenewal r, String plate, ZoneId zone) {
        return new MonthPayRecord(r.tradeNo(), r.cardId(), r.paidAt().getEpochSecond(), r.receivableFen(),
                r.paidFen(), cut(r.payType(), 12), cut(r.collector(), 24), r.buyMonths() > 0 ? r.buyMonths() : null,
                plate, r.validFrom() == null ? null : startOf(r.validFrom(), zone), endOf(r.validTo(), zone),
                cut(r.remark(), 48)).toJson();
    }

    /** 2.14 upload_gate: passtype 0 入口, 1 出口, 2 出入口 as documented for 2.14. */
    public static ObjectNode gate(ParkChannel ch, int op) {
        return new UploadGate(cut(ch.name(), 24), switch (ch.direction()) {
            case ENTRY -> 0;
            case EXIT -> 1;
            case BOTH -> 2;
        }, op, ch.channelId(), ch.laneNo().isEmpty() ? null : ch.laneNo(),
                ch.deviceNo().isEmpty() ? null : ch.deviceNo()).toJson();
    }

    /** 2.15 upload_blackuser (the daily window and weekdays are local only: the protocol has no field for them). */
    public static ObjectNode blackuser(BlacklistEntry b, int op, String operator, Instant at) {
        return new UploadBlackuser(b.blackId(), b.plate(), cut(operator, 24), at.getEpochSecond(),
                cut(b.reason(), 48), op).toJson();
    }

    /** 2.16 upload_car_type. */
    public static ObjectNode carType(CarType t, int op, Instant at) {
        return new UploadCarType(t.carTypeId(), cut(t.name(), 24), at.getEpochSecond(), at.getEpochSecond(), t.sort(),
                op).toJson();
    }

    /** 2.25 (INFERRED, see {@link #PREPAY_CARD_UPLOAD}). */
    public static ObjectNode prepayCard(StoredValueAccount a, int op, Instant at) {
        return new UploadPrepayCard(a.cardId(), String.join(",", a.plates()), cut(a.name(), 24), cut(a.mobile(), 15),
                a.balanceFen(), a.carTypeId(), cut(a.remark(), 32), at.getEpochSecond(), at.getEpochSecond(), op)
                .toJson();
    }

    /** 2.26 prepay_card_record (a top-up made at the booth). */
    public static ObjectNode prepayTopUp(StoredValueTrade t) {
        return new PrepayCardRecord(t.tradeNo(), t.cardId(), t.at().getEpochSecond(), cut(t.payType(), 12), t.plate(),
                t.amountFen(), t.actualFen()).toJson();
    }

    /** 2.27 (INFERRED, see {@link #PREPAY_CARD_DEDUCTION}); {@code total_price} is the positive amount taken. */
    public static ObjectNode prepayDeduction(StoredValueTrade t, long balanceAfterFen) {
        return new PrepayCardDeduction(t.tradeNo(), t.cardId(), t.at().getEpochSecond(), cut(t.payType(), 12),
                t.plate(), t.orderId(), Math.abs(t.amountFen()), 0, balanceAfterFen).toJson();
    }

    /** 2.29 upload_ticket_deduction; ticket_id is a Number in the notes, sent as one when it is numeric. */
    public static ObjectNode ticketDeduction(String ticketId, String plate, String shopName, String orderId,
                                             Instant usedAt, long deductionFen, String remark) {
        return new UploadTicketDeduction(ticketId, plate, cut(shopName, 24), orderId, usedAt.getEpochSecond(),
                deductionFen, remark != null && !remark.isEmpty() ? cut(remark, 32) : null).toJson();
    }

    /** 2.35 (INFERRED, see {@link #WHITE_LIST_UPLOAD}); e_time is left out for a long-term entry (end_type 1). */
    public static ObjectNode whiteList(WhiteListEntry w, int op, String whiteId, Instant at, ZoneId zone) {
        return new UploadWhiteList(w.plate(), op, whiteId != null && !whiteId.isEmpty() ? whiteId : null,
                startOf(w.validFrom(), zone), w.longTerm() ? 1 : 0, w.longTerm() ? null : endOf(w.validTo(), zone),
                cut(w.name(), 24), cut(w.remark(), 32), at.getEpochSecond()).toJson();
    }

    /**
     * Free text cut to the width the notes document for the field: the cloud reads lines of at most 1,024 bytes,
     * and an uplink the link refuses as too long would never be delivered.
     */
    static String cut(String s, int max) {
        return JdbcListStore.cut(s, max);
    }

    static long startOf(LocalDate day, ZoneId zone) {
        return day.atStartOfDay(zone).toEpochSecond();
    }

    static long endOf(LocalDate day, ZoneId zone) {
        return day.plusDays(1).atStartOfDay(zone).toEpochSecond() - 1;
    }
}
