package com.boothdesk.devices.camera.dahua;

import com.boothdesk.devices.camera.CameraReply;
import com.boothdesk.devices.camera.PlateEvent;
import com.boothdesk.devices.camera.PlateEventHandler;
import com.boothdesk.devices.camera.SerialPayload;
import com.boothdesk.devices.camera.common.AbstractLaneCamera;
import com.boothdesk.devices.camera.common.BarrierCommand;
import com.boothdesk.devices.camera.common.CameraCapability;
import com.boothdesk.devices.camera.common.CameraHttpClient;
import com.boothdesk.devices.camera.common.CameraKind;
import com.boothdesk.devices.camera.common.EventStream;
import com.boothdesk.devices.camera.common.Multipart;
import com.boothdesk.devices.camera.common.StreamEventAssembler;
import com.boothdesk.devices.camera.common.LaneCamera;
import com.boothdesk.devices.camera.common.LogText;
import com.boothdesk.devices.camera.common.PushAnswer;
import com.boothdesk.devices.camera.common.PushRequest;
import com.boothdesk.devices.camera.common.PushTarget;
import com.boothdesk.devices.camera.common.WhiteListDiff;
import com.boothdesk.devices.camera.common.WhiteListPlate;
import com.boothdesk.devices.card.CommandOutcome;
import java.io.IOException;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Dahua ITC camera: plate events pushed over ITSAPI ({@link #onPush}), barrier, snapshot, clock and the
 * {@code TrafficRedList} white list over CGI with digest authentication; health from its KeepAlive pushes and a
 * periodic {@code getCurrentTime}. The barrier position is not reported; no RS485 pass-through over CGI.
 */
public final class DahuaCamera extends AbstractLaneCamera implements PushTarget {
    private static final Logger LOG = LoggerFactory.getLogger(DahuaCamera.class);

    private final CameraHttpClient cgi;
    private final int channel;
    private final Set<InetAddress> peers;
    private final Duration poll;
    private final ScheduledExecutorService timer;
    private final WhiteListDiff whiteList = new WhiteListDiff();
    private final Map<String, Long> recNos = new HashMap<>();
    private volatile String lastPlate = "";
    private volatile Duration streamIdle;
    private volatile EventStream stream;

    public DahuaCamera(String cameraId, CameraHttpClient cgi, int channel, Set<InetAddress> peers,
                       PlateEventHandler handler, Clock clock, Duration poll) {
        super(cameraId, handler, clock, poll.multipliedBy(3).plusSeconds(30));
        this.cgi = Objects.requireNonNull(cgi, "cgi");
        this.channel = channel;
        this.peers = Set.copyOf(peers);
        this.poll = poll;
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "dahua-" + cameraId + "-poll");
            t.setDaemon(true);
            return t;
        });
    }

    @Override
    public CameraKind kind() {
        return CameraKind.DAHUA;
    }

    @Override
    public Set<CameraCapability> capabilities() {
        return EnumSet.of(CameraCapability.CLOSE, CameraCapability.SNAPSHOT, CameraCapability.WHITE_LIST,
                CameraCapability.CLOCK);
    }

    /**
     * Reads the camera's traffic snaps from its event stream ({@link DahuaItc#attachPath}, the booth connects)
     * instead of waiting for ITSAPI pushes; {@code idle} is how long the stream may stay silent before it is taken as
     * lost (the camera is asked for a heartbeat every third of it). Call before {@link #start}.
     */
    public DahuaCamera withEventStream(Duration idle) {
        this.streamIdle = Objects.requireNonNull(idle, "idle");
        return this;
    }

    /** The event stream, when this camera is read that way. */
    public java.util.Optional<EventStream> eventStream() {
        return java.util.Optional.ofNullable(stream);
    }

    @Override
    public void start() {
        if (streamIdle != null && stream == null) {
            StreamEventAssembler groups = new StreamEventAssembler(p -> isHeartbeat(p) ? 0 : 1, this::onStreamEvent);
            int heartbeat = (int) Math.max(1, streamIdle.toSeconds() / 3);
            stream = cgi.stream(cameraId, DahuaItc.attachPath(channel, heartbeat), streamIdle, 4 * 1024 * 1024,
                    streamListener(groups, "event stream"));
            stream.start();
        }
        timer.scheduleWithFixedDelay(this::probe, 0, poll.toMillis(), TimeUnit.MILLISECONDS);
    }

    private static boolean isHeartbeat(Multipart.Part p) {
        return p.data().length < 32 && p.text().trim().equalsIgnoreCase("Heartbeat");
    }

    private void onStreamEvent(List<Multipart.Part> parts) {
        byte[] picture = parts.size() > 1 ? parts.get(1).data() : new byte[0];
        DahuaItc.StreamText t;
        try {
            t = DahuaItc.decodeStreamText(parts.get(0).data(), picture, cameraId, cgi.base().getHost(),
                    clock.instant(), clock.getZone());
        } catch (IllegalArgumentException e) {
            LOG.warn("camera {}: a snap-stream part cannot be read: {}", cameraId, LogText.cut(e.getMessage()));
            return;
        }
        if (t instanceof DahuaItc.StreamEvent ev) {
            lastPlate = ev.event().plate();
            CameraReply reply = dispatch(ev.event());
            if (!reply.isEmpty()) {
                deliver(reply, Duration.ofSeconds(2));
            }
        } else {
            heard();
        }
    }

    private void probe() {
        try {
            onCommandThread(() -> {
                try {
                    CameraHttpClient.Response r = cgi.get(DahuaItc.getTime());
                    if (r.ok()) {
                        heard();
                    } else {
                        unreachable("getCurrentTime answered HTTP " + r.status());
                    }
                } catch (IOException e) {
                    unreachable("camera not reachable: " + e.getMessage());
                }
                return null;
            });
        } catch (RuntimeException e) {
            LOG.debug("camera {} not probed: {}", cameraId, e.toString());
        }
    }

    @Override
    public boolean allows(InetAddress peer) {
        return peers.contains(peer);
    }

    @Override
    public PushAnswer onPush(PushRequest request) {
        if (request.path().startsWith("/KeepAlive")) {
            heard();
            return PushAnswer.json(200, "{\"Result\":true}");
        }
        if (!request.path().startsWith("/TollgateInfo")) {
            heard();
            return PushAnswer.json(200, "{\"Result\":true}");
        }
        PlateEvent e;
        try {
            e = DahuaItc.decodeTollgate(request.body(), cameraId, request.peer().getHostAddress(), clock.instant(),
                    clock.getZone());
        } catch (IllegalArgumentException ex) {
            LOG.warn("camera {} pushed a TollgateInfo that cannot be read ({} bytes): {}", cameraId,
                    request.body().length, LogText.cut(ex.getMessage()));
            return PushAnswer.json(400, "{\"Result\":false,\"Message\":\"cannot read the event\"}");
        }
        lastPlate = e.plate();
        CameraReply reply = dispatch(e);
        if (!reply.isEmpty()) {
            deliver(reply, Duration.ofSeconds(2));
        }
        return PushAnswer.json(200, "{\"Result\":true}");
    }

    private CommandOutcome ok(CameraHttpClient.Response r, String what) {
        heard();
        return r.ok() && r.text().trim().startsWith("OK") ? CommandOutcome.of(CommandOutcome.Status.ACKED, what)
                : CommandOutcome.of(CommandOutcome.Status.NACKED, what + ": HTTP " + r.status() + " "
                + LogText.cut(r.text().trim(), 80));
    }

    @Override
    public CompletableFuture<CommandOutcome> barrier(BarrierCommand command) {
        switch (command) {
            case OPEN:
                return command("open strobe", () -> ok(cgi.get(DahuaItc.openStrobe(channel, lastPlate)),
                        "open strobe"));
            case CLOSE:
                return command("close strobe", () -> ok(cgi.get(DahuaItc.closeStrobe(channel)), "close strobe"));
            default:
                return LaneCamera.unsupported(this, "keeping the barrier open");
        }
    }

    @Override
    public CompletableFuture<CommandOutcome> deliver(CameraReply reply, Duration window) {
        return deliverOpenOnly(reply, window);
    }

    @Override
    public CompletableFuture<CommandOutcome> sendSerial(SerialPayload payload) {
        return LaneCamera.unsupported(this, "RS485 pass-through");
    }

    @Override
    public CompletableFuture<byte[]> snapshot() {
        return onCommandThread(() -> {
            CameraHttpClient.Response r = cgi.get(DahuaItc.snapshot(channel));
            if (!r.ok()) {
                throw new IOException("snapshot: HTTP " + r.status());
            }
            heard();
            return r.body();
        });
    }

    @Override
    public CompletableFuture<CommandOutcome> replaceWhiteList(List<WhiteListPlate> plates) {
        return command("white list", () -> {
            WhiteListDiff.Plan plan = whiteList.plan(plates);
            try {
                if (plan.clearFirst()) {
                    require(cgi.get(DahuaItc.whiteListClear()), "clear");
                    recNos.clear();
                }
                for (String plate : plan.remove()) {
                    Long rec = recNos.remove(plate);
                    if (rec != null) {
                        require(cgi.get(DahuaItc.whiteListRemove(rec)), "remove");
                    }
                }
                for (WhiteListPlate p : plan.put()) {
                    Long old = recNos.remove(p.plate());
                    if (old != null) {
                        require(cgi.get(DahuaItc.whiteListRemove(old)), "remove");
                    }
                    CameraHttpClient.Response r = cgi.get(DahuaItc.whiteListInsert(p));
                    if (!r.ok()) {
                        throw new IOException("white list insert: HTTP " + r.status());
                    }
                    recNos.put(p.plate(), DahuaItc.recNo(r.text()));
                }
            } catch (IOException | IllegalArgumentException e) {
                whiteList.forget();
                throw e;
            }
            whiteList.applied(plates);
            heard();
            return CommandOutcome.of(CommandOutcome.Status.ACKED, plates.size() + " plate(s) on the camera");
        });
    }

    private static void require(CameraHttpClient.Response r, String what) throws IOException {
        if (!r.ok()) {
            throw new IOException("white list " + what + ": HTTP " + r.status());
        }
    }

    @Override
    public CompletableFuture<CommandOutcome> setClock(LocalDateTime localTime) {
        return command("set clock", () -> ok(cgi.get(DahuaItc.setTime(localTime)), "clock set"));
    }

    @Override
    public void close() {
        EventStream s = stream;
        if (s != null) {
            s.close();
        }
        timer.shutdownNow();
        super.close();
    }
}
