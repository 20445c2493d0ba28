package com.boothdesk.devices.camera.huaxia;

import com.boothdesk.devices.camera.CameraReply;
import com.boothdesk.devices.camera.PlateEventHandler;
import com.boothdesk.devices.camera.SerialPayload;
import com.boothdesk.devices.camera.common.AbstractLaneCamera;
import com.boothdesk.devices.camera.common.BarrierCommand;
import com.boothdesk.devices.camera.common.CameraCapability;
import com.boothdesk.devices.camera.common.CameraKind;
import com.boothdesk.devices.camera.common.LaneCamera;
import com.boothdesk.devices.camera.common.LogText;
import com.boothdesk.devices.camera.common.PushAnswer;
import com.boothdesk.devices.camera.common.PushRequest;
import com.boothdesk.devices.camera.common.PushTarget;
import com.boothdesk.devices.camera.common.WhiteListDiff;
import com.boothdesk.devices.camera.common.WhiteListPlate;
import com.boothdesk.devices.card.CommandOutcome;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.LinkedList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Huaxia camera in HTTP POST mode: everything the booth tells it rides in the answer to its own requests. A plate
 * decision goes into the answer to that push; anything else (a manual open, card frames, the white list, the clock)
 * waits for the camera's next push or heartbeat and is dropped, never sent late, when that does not come within its
 * window. Card frames for the barrier relay (0x0F) go ahead of screen and voice frames in the same answer. IO1
 * opens; IO2 closes (INFERRED wiring: the barrier's close input on relay 2).
 */
public final class HuaxiaCamera extends AbstractLaneCamera implements PushTarget {
    private static final Logger LOG = LoggerFactory.getLogger(HuaxiaCamera.class);
    private static final int MAX_PENDING = 64;

    private final Set<InetAddress> peers;
    private final ScheduledExecutorService sweeper;
    private final LinkedList<Pending> pending = new LinkedList<>();
    private final WhiteListDiff whiteList = new WhiteListDiff();

    private record Pending(boolean io1, boolean io2, SerialPayload serial, HuaxiaProtocol.WhiteListOp list,
                           LocalDateTime time, Instant deadline, CompletableFuture<CommandOutcome> done) {
    }

    public HuaxiaCamera(String cameraId, Set<InetAddress> peers, PlateEventHandler handler, Clock clock,
                        Duration staleAfter) {
        super(cameraId, handler, clock, staleAfter);
        this.peers = Set.copyOf(peers);
        this.sweeper = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "huaxia-" + cameraId + "-sweep");
            t.setDaemon(true);
            return t;
        });
    }

    @Override
    public CameraKind kind() {
        return CameraKind.HUAXIA;
    }

    @Override
    public Set<CameraCapability> capabilities() {
        return EnumSet.of(CameraCapability.CLOSE, CameraCapability.RS485, CameraCapability.WHITE_LIST,
                CameraCapability.CLOCK);
    }

    @Override
    public void start() {
        sweeper.scheduleWithFixedDelay(() -> expire(clock.instant()), 1, 1, TimeUnit.SECONDS);
    }

    @Override
    public boolean allows(InetAddress peer) {
        return peers.contains(peer);
    }

    @Override
    public PushAnswer onPush(PushRequest request) {
        HuaxiaProtocol.Push p;
        try {
            p = HuaxiaProtocol.decode(request.body(), cameraId, request.peer().getHostAddress(), clock.instant(),
                    clock.getZone());
        } catch (IllegalArgumentException e) {
            LOG.warn("camera {} pushed something that cannot be read ({} bytes): {}", cameraId, request.body().length,
                    LogText.cut(e.getMessage()));
            return PushAnswer.json(400, "{\"error_num\":1,\"error_str\":\"cannot read the push\"}");
        }
        boolean io1 = false;
        List<SerialPayload> serial = new ArrayList<>();
        if (p instanceof HuaxiaProtocol.Plate plate) {
            CameraReply r = dispatch(plate.event());
            io1 = r.openGate();
            serial.addAll(r.serialData());
        } else {
            heard();
            if (p instanceof HuaxiaProtocol.Rs485 rs) {
                serialReceived(rs.data());
            }
        }
        return PushAnswer.json(200, HuaxiaProtocol.answer(collect(io1, serial)));
    }

    /** This answer's parts: the push's own decision, then everything queued that is still in time. */
    private HuaxiaProtocol.Reply collect(boolean io1, List<SerialPayload> own) {
        Instant now = clock.instant();
        expire(now);
        boolean io2 = false;
        List<SerialPayload> gate = new ArrayList<>();
        List<SerialPayload> other = new ArrayList<>();
        for (SerialPayload s : own) {
            (isGateFrame(s) ? gate : other).add(s);
        }
        HuaxiaProtocol.WhiteListOp list = null;
        LocalDateTime time = null;
        List<Pending> taken = new ArrayList<>();
        synchronized (pending) {
            Iterator<Pending> it = pending.iterator();
            while (it.hasNext()) {
                Pending q = it.next();
                if (q.list() != null && list != null) {
                    continue; // one white-list operation per answer; the next one rides the next answer
                }
                it.remove();
                taken.add(q);
                io1 |= q.io1();
                io2 |= q.io2();
                if (q.serial() != null) {
                    (isGateFrame(q.serial()) ? gate : other).add(q.serial());
                }
                if (q.list() != null) {
                    list = q.list();
                }
                if (q.time() != null) {
                    time = q.time();
                }
            }
        }
        gate.addAll(other);
        for (Pending q : taken) {
            q.done().complete(CommandOutcome.of(CommandOutcome.Status.SENT, "in the answer to camera " + cameraId));
        }
        return new HuaxiaProtocol.Reply(io1, io2, gate, list, time);
    }

    /** A 00 64 FF FF frame whose command is 0x0F (relay): it overtakes screen and voice frames. */
    private static boolean isGateFrame(SerialPayload p) {
        byte[] d = p.data();
        return d.length > 4 && (d[1] & 0xff) == 0x64 && (d[2] & 0xff) == 0xFF && (d[3] & 0xff) == 0xFF
                && (d[4] & 0xff) == 0x0F;
    }

    private void expire(Instant now) {
        List<Pending> late = new ArrayList<>();
        synchronized (pending) {
            pending.removeIf(q -> {
                if (now.isAfter(q.deadline())) {
                    late.add(q);
                    return true;
                }
                return false;
            });
        }
        for (Pending q : late) {
            LOG.warn("command for camera {} dropped: the camera did not call in before its deadline", cameraId);
            q.done().complete(CommandOutcome.of(CommandOutcome.Status.DROPPED_STALE,
                    "camera " + cameraId + " did not call in before the deadline"));
        }
    }

    private CompletableFuture<CommandOutcome> queue(boolean io1, boolean io2, SerialPayload serial,
                                                    HuaxiaProtocol.WhiteListOp list, LocalDateTime time,
                                                    Duration window) {
        Pending q = new Pending(io1, io2, serial, list, time, clock.instant().plus(window),
                new CompletableFuture<>());
        synchronized (pending) {
            if (pending.size() >= MAX_PENDING) {
                return CompletableFuture.completedFuture(CommandOutcome.of(CommandOutcome.Status.DROPPED_STALE,
                        "camera " + cameraId + " has " + MAX_PENDING + " commands waiting"));
            }
            pending.add(q);
        }
        return q.done();
    }

    @Override
    public CompletableFuture<CommandOutcome> barrier(BarrierCommand command) {
        switch (command) {
            case OPEN:
                return queue(true, false, null, null, null, Duration.ofSeconds(2));
            case CLOSE:
                return queue(false, true, null, null, null, Duration.ofSeconds(2));
            default:
                return LaneCamera.unsupported(this, "keeping the barrier open");
        }
    }

    @Override
    public CompletableFuture<CommandOutcome> deliver(CameraReply reply, Duration window) {
        CompletableFuture<CommandOutcome> all = CompletableFuture.completedFuture(
                CommandOutcome.of(CommandOutcome.Status.SENT, "nothing to send"));
        if (reply.openGate()) {
            all = queue(true, false, null, null, null, window);
        }
        for (SerialPayload p : reply.serialData()) {
            all = all.thenCombine(queue(false, false, p, null, null, window), (a, b) -> a.delivered() ? b : a);
        }
        return all;
    }

    @Override
    public CompletableFuture<CommandOutcome> sendSerial(SerialPayload payload) {
        return queue(false, false, payload, null, null, Duration.ofSeconds(5));
    }

    @Override
    public CompletableFuture<byte[]> snapshot() {
        return CompletableFuture.failedFuture(new UnsupportedOperationException(
                "a Huaxia camera in HTTP POST mode has no on-demand snapshot"));
    }

    @Override
    public CompletableFuture<CommandOutcome> replaceWhiteList(List<WhiteListPlate> plates) {
        WhiteListDiff.Plan plan;
        synchronized (whiteList) {
            plan = whiteList.plan(plates);
        }
        if (plan.isEmpty()) {
            return CompletableFuture.completedFuture(CommandOutcome.of(CommandOutcome.Status.SENT, "unchanged"));
        }
        Duration window = Duration.ofMinutes(2);
        CompletableFuture<CommandOutcome> all = CompletableFuture.completedFuture(
                CommandOutcome.of(CommandOutcome.Status.SENT, "white list"));
        if (plan.clearFirst()) {
            all = queue(false, false, null, new HuaxiaProtocol.WhiteListOp(2, List.of()), null, window);
        }
        if (!plan.remove().isEmpty()) {
            List<WhiteListPlate> gone = plan.remove().stream().map(p -> new WhiteListPlate(p, LocalDateTime.now(clock),
                    LocalDateTime.now(clock), "")).toList();
            all = both(all, queue(false, false, null, new HuaxiaProtocol.WhiteListOp(1, gone), null, window));
        }
        if (!plan.put().isEmpty()) {
            all = both(all, queue(false, false, null, new HuaxiaProtocol.WhiteListOp(0, plan.put()), null, window));
        }
        return all.thenApply(o -> {
            synchronized (whiteList) {
                if (o.delivered()) {
                    whiteList.applied(plates);
                } else {
                    whiteList.forget();
                }
            }
            return o;
        });
    }

    private static CompletableFuture<CommandOutcome> both(CompletableFuture<CommandOutcome> a,
                                                          CompletableFuture<CommandOutcome> b) {
        return a.thenCombine(b, (x, y) -> x.delivered() ? y : x);
    }

    @Override
    public CompletableFuture<CommandOutcome> setClock(LocalDateTime localTime) {
        return queue(false, false, null, null, localTime, Duration.ofMinutes(2));
    }

    @Override
    public void close() {
        sweeper.shutdownNow();
        synchronized (pending) {
            for (Pending q : pending) {
                q.done().complete(CommandOutcome.of(CommandOutcome.Status.CLOSED, "camera adapter closed"));
            }
            pending.clear();
        }
        super.close();
    }
}
