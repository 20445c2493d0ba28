package com.boothdesk.app.ui.port;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import com.boothdesk.app.LaneEcho;
import com.boothdesk.app.common.Observable;
import com.boothdesk.app.domain.gate.BarrierAction;
import com.boothdesk.app.domain.lane.ImageStore;
import com.boothdesk.app.domain.lane.LaneController;
import com.boothdesk.app.domain.lane.LaneInfo;
import com.boothdesk.app.domain.lane.LaneState;
import com.boothdesk.app.domain.lane.SettleResult;
import com.boothdesk.app.domain.order.ParkingOrder;

/** A lane port over the domain's lane controller: the one UI class that knows {@link LaneController}. */
final class ControllerLanePort implements LanePort {

    private final LaneController c;
    private final Observable<LaneEcho> echo;
    private final ImageStore images;

    ControllerLanePort(LaneController c, Observable<LaneEcho> echo, ImageStore images) {
        this.c = c;
        this.echo = echo == null ? new Observable<>(LaneEcho.EMPTY) : echo;
        this.images = images;
    }

    @Override
    public LaneInfo lane() {
        return c.lane();
    }

    @Override
    public Observable<LaneInfo> laneInfo() {
        return c.info();
    }

    @Override
    public Observable<LaneState> state() {
        return c.state();
    }

    @Override
    public Observable<LaneEcho> echo() {
        return echo;
    }

    @Override
    public List<String> freeReasons() {
        return c.rules().freeReasons();
    }

    @Override
    public List<com.boothdesk.app.domain.lane.VehicleClasses.Choice> vehicleClasses() {
        return c.vehicleClasses();
    }

    @Override
    public CompletableFuture<Void> switchClass(String vehicleClass) {
        return c.switchClass(vehicleClass);
    }

    @Override
    public CompletableFuture<Void> confirm() {
        return c.confirm();
    }

    @Override
    public CompletableFuture<Void> refuse() {
        return c.refuse();
    }

    @Override
    public CompletableFuture<Void> correctPlate(String plate) {
        return c.correctPlate(plate);
    }

    @Override
    public CompletableFuture<Void> pick(String orderId) {
        return c.pick(orderId);
    }

    @Override
    public CompletableFuture<Void> chargeNoRecord(String reason) {
        return c.chargeNoRecord(reason);
    }

    @Override
    public CompletableFuture<SettleResult> settleCash(long tenderedFen) {
        return c.settleCash(tenderedFen);
    }

    @Override
    public CompletableFuture<?> releaseFree(String reason) {
        return c.releaseFree(reason);
    }

    @Override
    public CompletableFuture<Void> barrier(BarrierAction action, String reason) {
        try {
            return c.barrier(action, reason);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    @Override
    public List<ParkingOrder> search(String fragment) {
        return c.search(fragment);
    }

    @Override
    public Optional<byte[]> picture(String ref) {
        return ref == null || images == null ? Optional.empty() : images.load(ref);
    }
}
