package com.boothdesk.app.cloud;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;

import com.boothdesk.app.domain.order.ParkingOrder;
import com.boothdesk.app.domain.order.PaymentMethod;
import com.boothdesk.app.domain.gate.GateEvent;
import com.boothdesk.app.store.JdbcGateEventLog;
import com.boothdesk.app.store.OrderUplinks;
import com.boothdesk.sdk.message.Codes;
import com.boothdesk.sdk.message.UploadConfirmOrder;
import com.boothdesk.sdk.message.UploadLiftrod;
import com.boothdesk.sdk.message.UploadOrder;
import com.boothdesk.sdk.message.InPark;
import com.boothdesk.sdk.message.OutPark;
import com.boothdesk.sdk.outbox.JdbcOutbox;
import com.boothdesk.sdk.outbox.OutboxDispatcher;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Turns order changes into cloud uplinks (2.1 {@code in_park}, 2.2 {@code out_park}) and stores them in the
 * outbox inside the order's own transaction; the dispatcher delivers them later, once, in order per order id.
 * The order's pictures are queued in the same transaction for the 2.12 HTTP upload ({@link PictureUploads}).
 */
public final class CloudBridge implements OrderUplinks, JdbcGateEventLog.GateUplinks {

    /** c_type: how the car was let in. */
    static final String ENTRY_KIND = "自动识别";

    private final JdbcOutbox outbox;
    private final String boothId;
    private final java.time.Clock clock;
    private volatile OutboxDispatcher dispatcher;
    private volatile java.util.function.IntSupplier freeSpaces = () -> 0;

    public CloudBridge(JdbcOutbox outbox, String boothId) {
        this(outbox, boothId, java.time.Clock.systemUTC());
    }

    /** @param clock when queued pictures are first due */
    public CloudBridge(JdbcOutbox outbox, String boothId, java.time.Clock clock) {
        this.outbox = outbox;
        this.boothId = boothId;
        this.clock = clock;
    }

    /** proto4: reply listeners registered before the dispatcher ran (given to it when it is set). */
    private final java.util.List<java.util.Map.Entry<String, java.util.function.BiConsumer<
            com.boothdesk.sdk.outbox.OutboxEntry, ObjectNode>>> replyListeners =
            new java.util.concurrent.CopyOnWriteArrayList<>();

    /**
     * proto4: tells {@code listener} of the cloud's answer to every uplink named {@code serviceName} sent through the
     * outbox (nothing without a cloud link). For answers the booth keeps (2.44).
     */
    public synchronized void onReply(String serviceName, java.util.function.BiConsumer<
            com.boothdesk.sdk.outbox.OutboxEntry, ObjectNode> listener) {
        replyListeners.add(java.util.Map.entry(serviceName, listener));
        if (dispatcher != null) {
            dispatcher.onReply(serviceName, listener);
        }
    }

    /** Set once the dispatcher runs, so that a stored uplink is sent at once rather than at the next poll. */
    public synchronized void dispatcher(OutboxDispatcher dispatcher) {
        this.dispatcher = dispatcher;
        if (dispatcher != null) {
            replyListeners.forEach(e -> dispatcher.onReply(e.getKey(), e.getValue()));
        }
    }

    /** Where the free-space count of a re-sent 2.1 comes from. */
    public void freeSpaces(java.util.function.IntSupplier free) {
        this.freeSpaces = java.util.Objects.requireNonNull(free, "free");
    }

    @Override
    public void entered(Connection txn, ParkingOrder o, int emptySpaces) throws SQLException {
        InPark in = new InPark(o.plate(), o.inTime().getEpochSecond(), carType(o.carType()), ENTRY_KIND,
                operator(o.entryOperator()), o.orderId(), emptySpaces, o.entryLaneId(), boothId, remark(o.remark()),
                o.kind().costType(), null);
        outbox.enqueue(txn, in.toJson(), o.orderId());
        PictureUploads.queue(txn, o, true, clock.instant());
    }

    @Override
    public void exited(Connection txn, ParkingOrder o, int emptySpaces) throws SQLException {
        PaymentMethod method = o.paymentMethod() == null ? PaymentMethod.FREE : o.paymentMethod();
        OutPark exit = OutPark.builder()
                .carNumber(o.plate())
                .inTimeEpochSec(o.inTime().getEpochSecond())
                .outTimeEpochSec(o.outTime().getEpochSecond())
                .uid(operator(o.entryOperator()))
                .durationMinutes(Duration.between(o.inTime(), o.outTime()).toMinutes())
                .carType(carType(o.carType()))
                .cType(ENTRY_KIND)
                .payType(method.wireName())
                .emptyPlot(emptySpaces)
                // total: what the stay still cost at the exit, without what was prepaid or taken off by coupons
                .totalFen(Math.max(0, o.dueFen() - o.prepaidFen() - o.discountFen()))
                .orderId(o.orderId())
                .outChannelId(o.exitLaneId())
                .inChannelId(o.entryLaneId())
                .amountReceivableFen(o.dueFen())
                .cashPayFen(method == PaymentMethod.CASH ? o.paidFen() : null)
                .electronicPrepayFen(o.prepaidFen() > 0 ? o.prepaidFen() : null)
                .reduceAmountFen(o.discountFen() > 0 ? o.discountFen() : null)
                .freeReasons(o.freeReason())
                .outUid(operator(o.exitOperator()))
                .workStationUuid(boothId)
                .remark(remark(o.remark()))
                .build();
        ObjectNode out = exit.toJson();
        String read = o.exitPlateRead();
        if (read != null && !read.isBlank() && !read.equals(o.plate()) && read.length() <= 8) {
            // the exit read matched no stay exactly and the stay was picked by similarity: 2.17 tells the cloud
            // which plate was read at which lane, before the exit itself
            outbox.enqueue(txn, new UploadConfirmOrder(confirmEventId(o), read, o.outTime().getEpochSecond(),
                    o.exitLaneId() == null || o.exitLaneId().length() > 16 ? "EXIT" : o.exitLaneId()).toJson(),
                    o.orderId());
        }
        if (laterPay(o)) {
            // proto4, 2.44 先走后付: the order goes up for the platform to chase, in place of out_park (whose pay_type
            // would call it free); its answer (uuid, state, message) is kept by the payments (PaymentStore)
            outbox.enqueue(txn, laterPayOrder(o), o.orderId());
            PictureUploads.queue(txn, o, false, clock.instant());
            return;
        }
        outbox.enqueue(txn, out, o.orderId());
        if (exceptionOrder(o)) {
            // 2.3 "异常订单记录上传": an exit without an entry record, or a stay the cloud settled by hand (3.28), goes
            // up again as the complete order so the cloud's statistics hold it; after out_park, in the same order
            outbox.enqueue(txn, new UploadOrder(exit).toJson(), o.orderId());
        }
        PictureUploads.queue(txn, o, false, clock.instant());
    }

    /** proto4: a stay the attendant let out to pay later (2.44). */
    public static boolean laterPay(ParkingOrder o) {
        return o.freeReason() != null && o.freeReason().startsWith(
                com.boothdesk.app.domain.lane.LaneController.LATER_PAY) && o.paidFen() == 0
                && o.dueFen() - o.prepaidFen() - o.discountFen() > 0 && o.plate().length() <= 8;
    }

    /** The 2.44 uuid of a later-pay stay (one per order: a resend is the same order). */
    public static String laterPayUuid(String orderId) {
        return "laterpay-" + orderId;
    }

    private ObjectNode laterPayOrder(ParkingOrder o) {
        long debt = Math.max(0, o.dueFen() - o.prepaidFen() - o.discountFen());
        String remark = o.freeReason().length() > 256 ? o.freeReason().substring(0, 256) : o.freeReason();
        return new com.boothdesk.sdk.message.uplink.LaterPayOrder(o.orderId(), o.plate(), o.entryLaneId(),
                o.inTime().getEpochSecond(), o.exitLaneId(), o.outTime().getEpochSecond(), carType(o.carType()),
                o.dueFen(), debt, remark, laterPayUuid(o.orderId())).toJson();
    }

    /** The remark the lane gives a stay charged at the exit without an entry record. */
    static final String NO_RECORD_REMARK = "无入场记录";
    /** The exit lane of a stay the cloud settled by hand (3.28 order_zero_balance). */
    public static final String CLOUD_SETTLED_LANE = "CLOUD";

    /** An exception order of 2.3: no entry record, or settled by the cloud's back office (3.28). */
    static boolean exceptionOrder(ParkingOrder o) {
        return o.remark() != null && o.remark().startsWith(NO_RECORD_REMARK)
                || CLOUD_SETTLED_LANE.equals(o.exitLaneId());
    }

    /**
     * The plate of a stay in the lot was corrected (F6 at the entry, 3.43 from the cloud): 2.1 is sent again for the
     * same order with {@code force_update 1}, which the notes define as "强删云平台重复订单号的订单" - the cloud replaces
     * its copy of the order, so it no longer keeps the misread plate.
     */
    @Override
    public void corrected(Connection txn, String oldPlate, ParkingOrder o) throws SQLException {
        InPark in = new InPark(o.plate(), o.inTime().getEpochSecond(), carType(o.carType()), ENTRY_KIND,
                operator(o.entryOperator()), o.orderId(), Math.max(0, freeSpaces.getAsInt()), o.entryLaneId(),
                boothId, remark(o.remark()), o.kind().costType(), null);
        ObjectNode up = in.toJson();
        up.put("force_update", 1);
        outbox.enqueue(txn, up, o.orderId());
    }

    /** A 2.17 event id: unique per stay and exit, at most 24 characters. */
    static String confirmEventId(ParkingOrder o) {
        return "CF" + Long.toString(o.outTime().getEpochSecond(), 36)
                + Integer.toString(o.orderId().hashCode() & 0x7fffffff, 36);
    }

    /**
     * An attendant's manual barrier movement is reported as an abnormal lift (2.11 upload_liftrod) with its picture
     * (2.12, liftrod). The cloud's own remote lifts (operator {@code cloud}) are not reported back.
     */
    @Override
    public void recorded(Connection txn, long id, GateEvent e) throws SQLException {
        if (e.cause() != GateEvent.Cause.MANUAL || "cloud".equals(e.operator()) || !e.outcome().moved()) {
            return; // the cloud's own lifts are not echoed; a command the barrier never got is no lift
        }
        String liftrodId = "L" + id;
        ObjectNode up = new UploadLiftrod(liftrodId, Codes.of(e.action() == GateEvent.Action.OPEN
                || e.action() == GateEvent.Action.KEEP_OPEN
                ? Codes.LiftrodOperate.LIFT : Codes.LiftrodOperate.DROP), e.at().getEpochSecond(),
                e.at().getEpochSecond(), null, e.laneId(), operator(e.operator()), null, e.orderId(),
                e.reason() == null || e.reason().length() <= 32 ? e.reason() : e.reason().substring(0, 32)).toJson();
        outbox.enqueue(txn, up, "liftrod_" + id);
        if (e.image() != null) {
            PictureUploads.queueLiftrod(txn, liftrodId, e.image(), e.at(), clock.instant());
        }
    }

    @Override
    public void committed() {
        OutboxDispatcher d = dispatcher;
        if (d != null) {
            d.wake();
        }
    }

    /** uid / out_uid are required: a stay created without an attendant (cloud, seeding) is the system's. */
    static String operator(String id) {
        if (id == null || id.isBlank()) {
            return "system";
        }
        return id.length() <= 12 ? id : id.substring(0, 12);
    }

    /** remark is at most 24 characters on the wire. */
    static String remark(String r) {
        return r == null || r.length() <= 24 ? r : r.substring(0, 24);
    }

    /** The protocol's car_type is free text (max 8): the Chinese class names the cloud back-office shows. */
    static String carType(String vehicleClass) {
        return switch (vehicleClass == null ? "" : vehicleClass) {
            case "large" -> "大车";
            case "motorcycle" -> "摩托车";
            case "new_energy" -> "新能源车";
            default -> "小车";
        };
    }
}
