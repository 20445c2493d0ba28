package com.boothdesk.app.store.staff;

import java.util.Map;
import java.util.Objects;

import com.boothdesk.app.domain.staff.HandoverRecord;
import com.boothdesk.app.domain.staff.Shift;
import com.boothdesk.app.domain.staff.ShiftTotals;
import com.boothdesk.sdk.message.uplink.ShiftHandover;
import com.boothdesk.sdk.message.WorkRecord;
import com.boothdesk.sdk.wire.WireCodec;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The shift uplinks: 2.5 {@code work_record} for the start (state 0) and the end (state 1) of a shift, and the 2.22
 * handover record (岗亭交接班记录).
 *
 * <p>2.22: the notes know neither its service_name nor its fields (protocol notes §9). It is sent as the
 * catalogue's fields-unknown entry ({@link ShiftHandover}, data_target {@code bolink} as the catalogue lists it)
 * under the service_name the site configures ({@code staff.handover_service_name}, default
 * {@code upload_shift_handover}), with the booth's own fields, named in the protocol's style (money as yuan text
 * as in upload_order, times in unix seconds). All of this is INFERRED.
 */
public final class StaffUplinks {

    private final String handoverServiceName;

    public StaffUplinks(String handoverServiceName) {
        this.handoverServiceName = Objects.requireNonNull(handoverServiceName, "handoverServiceName");
    }

    public ObjectNode onDuty(Shift s) {
        return WorkRecord.onDuty(s.shiftId(), s.userId(), s.startedAt().getEpochSecond(), s.workstation()).toJson();
    }

    public ObjectNode offDuty(Shift s) {
        return WorkRecord.offDuty(s.shiftId(), s.userId(), s.startedAt().getEpochSecond(),
                s.endedAt().getEpochSecond(), s.workstation()).toJson();
    }

    /** 2.22 handover record (INFERRED fields, see the class comment): the typed message of sdk.message.uplink. */
    public ObjectNode handover(HandoverRecord h) {
        ShiftTotals t = h.totals();
        return new ShiftHandover(handoverServiceName, h.shift().shiftId(), h.shift().workstation(), h.shift().userId(),
                h.incoming(), h.closedBy(), h.shift().startedAt().getEpochSecond(),
                h.shift().endedAt().getEpochSecond(), (long) t.exitCount(), t.receivableFen(), t.reductionFen(),
                t.receivedFen(), t.cashFen(), t.electronicTotalFen(), t.prepaidFen(), t.storedValueFen(),
                (long) t.freeTotal().count(), t.freeTotal().fen(), (long) t.noRecord().count(), t.noRecord().fen(),
                (long) t.manualTotal(), (long) t.carsIn(), (long) t.carsOut(), h.expectedCashFen(),
                h.counted() == null ? null : h.counted().totalFen(), h.counted() == null ? null : h.differenceFen(),
                h.remark()).toJson();
    }

    /** The totals as kept with the handover row (audit copy, fen). */
    public String totalsJson(ShiftTotals t) {
        ObjectNode o = WireCodec.MAPPER.createObjectNode();
        o.put("exits", t.exitCount());
        o.put("receivable_fen", t.receivableFen());
        o.put("reduction_fen", t.reductionFen());
        o.put("received_fen", t.receivedFen());
        o.put("cash_fen", t.cashFen());
        ObjectNode e = o.putObject("electronic_fen");
        t.electronicFen().forEach(e::put);
        o.put("prepaid_fen", t.prepaidFen());
        o.put("stored_value_fen", t.storedValueFen());
        o.put("coupon_fen", t.couponFen());
        ObjectNode free = o.putObject("free");
        for (Map.Entry<String, ShiftTotals.Tally> x : t.free().entrySet()) {
            free.putObject(x.getKey()).put("count", x.getValue().count()).put("fen", x.getValue().fen());
        }
        o.putObject("no_record").put("count", t.noRecord().count()).put("fen", t.noRecord().fen());
        ObjectNode manual = o.putObject("manual");
        t.manual().forEach(manual::put);
        o.put("cars_in", t.carsIn());
        o.put("cars_out", t.carsOut());
        return o.toString();
    }
}
