package com.boothdesk.app.ui;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import com.boothdesk.app.LaneEcho;
import com.boothdesk.app.common.Observable;
import com.boothdesk.app.domain.fee.FeeLine;
import com.boothdesk.app.domain.fee.FeeQuote;
import com.boothdesk.app.domain.gate.BarrierAction;
import com.boothdesk.app.domain.lane.Decision;
import com.boothdesk.app.domain.lane.LaneDirection;
import com.boothdesk.app.domain.lane.LaneInfo;
import com.boothdesk.app.domain.lane.LanePhase;
import com.boothdesk.app.domain.lane.LaneState;
import com.boothdesk.app.domain.lane.PlateRead;
import com.boothdesk.app.domain.lane.SettleResult;
import com.boothdesk.app.domain.lane.Step;
import com.boothdesk.app.domain.order.CarKind;
import com.boothdesk.app.domain.order.ParkingOrder;
import com.boothdesk.app.domain.plate.PlateCandidate;
import com.boothdesk.app.ui.keys.Keymap;
import com.boothdesk.app.ui.port.LanePort;

/**
 * An in-memory lane for view-model tests: the state is whatever the test publishes, commands are recorded and
 * answered by the test (or hang until it does), so every rule of the view-models runs in milliseconds.
 */
public final class FakeLane implements LanePort {

    public static final Instant T0 = Instant.parse("2026-11-25T00:00:00Z");
    public static final Clock CLOCK = Clock.fixed(T0, ZoneId.of("Asia/Shanghai"));

    public final LaneInfo info;
    /** The lane's name as the cloud may change it ({@link #rename}). */
    public final Observable<LaneInfo> infoFeed;
    public final Observable<LaneState> state;
    public final Observable<LaneEcho> echo = new Observable<>(LaneEcho.EMPTY);
    public final List<String> calls = new CopyOnWriteArrayList<>();
    public final Map<String, byte[]> pictures = new ConcurrentHashMap<>();
    public final List<ParkingOrder> searchResult = new ArrayList<>();
    /** The answer to the next command; null = the command never completes (a hung lane). */
    public volatile CompletableFuture<Object> answer = CompletableFuture.completedFuture(null);
    public volatile SettleResult settle;

    public FakeLane(String id, String name, LaneDirection direction) {
        this.info = new LaneInfo(id, name, direction);
        this.infoFeed = new Observable<>(info);
        this.state = new Observable<>(LaneState.idle(info, T0));
    }

    public static FakeLane exit() {
        return new FakeLane("B1", "出口1", LaneDirection.EXIT);
    }

    public static FakeLane entry() {
        return new FakeLane("A1", "入口1", LaneDirection.ENTRY);
    }

    /** A view-model environment that runs everything at once on the calling thread. */
    public static UiEnv env() {
        return env(Duration.ofSeconds(5));
    }

    public static UiEnv env(Duration timeout) {
        return new UiEnv(new Messages(Locale.SIMPLIFIED_CHINESE), CLOCK, Keymap.load(null),
                new ReasonLists(List.of("设备故障", "其他"), List.of("救护车", "道闸测试"), List.of("识别失败")),
                Runnable::run, Runnable::run, timeout);
    }

    // ---- states a test publishes --------------------------------------------------------------------------

    public static PlateRead read(String laneId, String plate, Instant at) {
        return new PlateRead(laneId, plate, 1, 93, at, new byte[0], "SIM-CAM-" + laneId, new byte[0]);
    }

    public static ParkingOrder order(String id, String plate, Instant in, String entryImage) {
        return ParkingOrder.entered(id, plate, "small", "A1", in, "demo", entryImage);
    }

    public static FeeQuote quote(long total) {
        return new FeeQuote(total, total, List.of(new FeeLine("08:00-09:00 首小时", 500, FeeLine.Kind.CHARGE),
                new FeeLine("09:00-11:00 续时 2小时 × 1.00元/小时", 200, FeeLine.Kind.CHARGE)), 0, 0, 0, "demo",
                "small", T0, T0.plusSeconds(3 * 3600), 180);
    }

    public LaneState paying(String plate, Instant at, long fee) {
        return new LaneState(info, LanePhase.AWAITING_PAYMENT, read(info.id(), plate, at),
                order("O-" + plate, plate, T0, null), quote(fee),
                Decision.of(Step.FEE, "exit.charge", plate, String.format("%d.%02d", fee / 100, fee % 100)), List.of(),
                CarKind.TEMPORARY, at);
    }

    public LaneState matching(String read, Instant at, ParkingOrder... candidates) {
        List<LaneState.Candidate> list = new ArrayList<>();
        for (ParkingOrder o : candidates) {
            list.add(new LaneState.Candidate(new PlateCandidate(o.plate(), 90, false, "第7位 5↔S 易混"), o));
        }
        return new LaneState(info, LanePhase.AWAITING_MATCH, read(info.id(), read, at), null, null,
                Decision.of(Step.MATCH, "exit.candidates", read, list.size()), list, null, at);
    }

    public LaneState phase(LanePhase phase, String plate, Instant at, String key, Object... args) {
        return new LaneState(info, phase, plate == null ? null : read(info.id(), plate, at), null, null,
                Decision.of(Step.ATTENDANT, key, args), List.of(), null, at);
    }

    public void publish(LaneState s) {
        state.set(s);
    }

    // ---- the port -----------------------------------------------------------------------------------------

    @SuppressWarnings("unchecked")
    private <T> CompletableFuture<T> answer(String call) {
        calls.add(call);
        CompletableFuture<Object> a = answer;
        return a == null ? new CompletableFuture<>() : (CompletableFuture<T>) a;
    }

    @Override
    public LaneInfo lane() {
        return infoFeed.get();
    }

    @Override
    public Observable<LaneInfo> laneInfo() {
        return infoFeed;
    }

    /** As 3.13 gate_sync renames a lane. */
    public void rename(String name) {
        infoFeed.set(new LaneInfo(info.id(), name, info.direction()));
    }

    @Override
    public Observable<LaneState> state() {
        return state;
    }

    @Override
    public Observable<LaneEcho> echo() {
        return echo;
    }

    @Override
    public List<String> freeReasons() {
        return List.of("设备故障", "其他");
    }

    @Override
    public CompletableFuture<Void> confirm() {
        return answer("confirm");
    }

    @Override
    public CompletableFuture<Void> refuse() {
        return answer("refuse");
    }

    @Override
    public CompletableFuture<Void> correctPlate(String plate) {
        return answer("correct " + plate);
    }

    @Override
    public CompletableFuture<Void> pick(String orderId) {
        return answer("pick " + orderId);
    }

    @Override
    public CompletableFuture<Void> chargeNoRecord(String reason) {
        return answer("norecord " + reason);
    }

    @Override
    public CompletableFuture<SettleResult> settleCash(long tenderedFen) {
        calls.add("cash " + tenderedFen);
        if (answer == null) {
            return new CompletableFuture<>();
        }
        if (answer.isCompletedExceptionally()) {
            return answer.thenApply(x -> (SettleResult) x);
        }
        return CompletableFuture.completedFuture(settle);
    }

    @Override
    public CompletableFuture<?> releaseFree(String reason) {
        return answer("free " + reason);
    }

    @Override
    public CompletableFuture<Void> barrier(BarrierAction action, String reason) {
        return answer("barrier " + action + " " + reason);
    }

    @Override
    public List<ParkingOrder> search(String fragment) {
        calls.add("search " + fragment);
        return List.copyOf(searchResult);
    }

    @Override
    public Optional<byte[]> picture(String ref) {
        return Optional.ofNullable(pictures.get(ref));
    }
}
