package com.boothdesk.app.ui.pay;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import com.boothdesk.app.LaneEcho;
import com.boothdesk.app.common.Observable;
import com.boothdesk.app.domain.gate.BarrierAction;
import com.boothdesk.app.domain.lane.LaneInfo;
import com.boothdesk.app.domain.lane.LaneState;
import com.boothdesk.app.domain.lane.SettleResult;
import com.boothdesk.app.domain.order.ParkingOrder;
import com.boothdesk.app.payment.ExitPayments;
import com.boothdesk.app.payment.PayState;
import com.boothdesk.app.ui.port.LanePort;

/** An exit lane's port with its payment attached: every lane command goes to the lane's own port unchanged. */
public final class PayingLanePort implements LanePort, PayPort.Paying {

    private final LanePort lane;
    private final PayPort pay;

    public PayingLanePort(LanePort lane, PayPort pay) {
        this.lane = lane;
        this.pay = pay;
    }

    /** The ports of the running booth, the exit lanes with their payment (when the payment module runs). */
    public static List<LanePort> attach(List<LanePort> lanes, ExitPayments payments) {
        if (payments == null) {
            return lanes;
        }
        return lanes.stream().map(l -> payments.exitLanes().contains(l.lane().id())
                ? (LanePort) new PayingLanePort(l, of(payments, l.lane().id())) : l).toList();
    }

    static PayPort of(ExitPayments payments, String laneId) {
        return new PayPort() {
            @Override
            public Observable<PayState> state() {
                return payments.state(laneId);
            }

            @Override
            public CompletableFuture<PayState> payByCode(String authCode) {
                return payments.payByCode(laneId, authCode, "booth scanner");
            }

            @Override
            public java.time.Duration scannerMaxGap() {
                return payments.settings().scanGap();
            }

            @Override
            public CompletableFuture<com.boothdesk.app.domain.order.ParkingOrder> laterPay(String reason) {
                return payments.laterPay(laneId, reason);
            }

            @Override
            public boolean laterPayAllowed(long dueFen) {
                return payments.laterPayRefusal(dueFen).isEmpty();
            }
        };
    }

    @Override
    public PayPort pay() {
        return pay;
    }

    @Override
    public LaneInfo lane() {
        return lane.lane();
    }

    @Override
    public Observable<LaneState> state() {
        return lane.state();
    }

    @Override
    public Observable<LaneEcho> echo() {
        return lane.echo();
    }

    @Override
    public List<String> freeReasons() {
        return lane.freeReasons();
    }

    @Override
    public List<com.boothdesk.app.domain.lane.VehicleClasses.Choice> vehicleClasses() {
        return lane.vehicleClasses();
    }

    @Override
    public CompletableFuture<Void> switchClass(String vehicleClass) {
        return lane.switchClass(vehicleClass);
    }

    @Override
    public CompletableFuture<Void> confirm() {
        return lane.confirm();
    }

    @Override
    public CompletableFuture<Void> refuse() {
        return lane.refuse();
    }

    @Override
    public CompletableFuture<Void> correctPlate(String plate) {
        return lane.correctPlate(plate);
    }

    @Override
    public CompletableFuture<Void> pick(String orderId) {
        return lane.pick(orderId);
    }

    @Override
    public CompletableFuture<Void> chargeNoRecord(String reason) {
        return lane.chargeNoRecord(reason);
    }

    @Override
    public CompletableFuture<SettleResult> settleCash(long tenderedFen) {
        return lane.settleCash(tenderedFen);
    }

    @Override
    public CompletableFuture<?> releaseFree(String reason) {
        return lane.releaseFree(reason);
    }

    @Override
    public CompletableFuture<Void> barrier(BarrierAction action, String reason) {
        return lane.barrier(action, reason);
    }

    @Override
    public List<ParkingOrder> search(String fragment) {
        return lane.search(fragment);
    }

    @Override
    public Optional<byte[]> picture(String ref) {
        return lane.picture(ref);
    }
}
