package com.boothdesk.devices.camera.zhenshitcp;

import com.boothdesk.devices.camera.CameraReply;
import com.boothdesk.devices.camera.PlateEventHandler;
import com.boothdesk.devices.camera.SerialPayload;
import com.boothdesk.devices.camera.common.AbstractLaneCamera;
import com.boothdesk.devices.camera.common.BarrierCommand;
import com.boothdesk.devices.camera.common.CameraCapability;
import com.boothdesk.devices.camera.common.CameraKind;
import com.boothdesk.devices.camera.common.LaneCamera;
import com.boothdesk.devices.camera.common.LogText;
import com.boothdesk.devices.camera.common.WhiteListPlate;
import com.boothdesk.devices.card.CommandOutcome;
import com.boothdesk.devices.gate.GateState;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.EnumSet;
import java.util.LinkedHashMap;
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
 * A Zhenshi camera over its TCP protocol: the booth connects to port 8131, subscribes to results
 * ({@code ivsresult}), sends a keep-alive frame every {@code keepAlive} and treats a silent connection (no frame
 * for three keep-alive periods) as lost; it reconnects with a growing pause (1 s to 10 s). The relay is pulsed with
 * {@code ioctl}; card frames go out as RS485 pass-through; the camera's white list and clock are set with commands.
 * Health: CONNECTED while frames arrive, OFFLINE while the camera cannot be reached.
 */
public final class ZhenshiTcpCamera extends AbstractLaneCamera {
    private static final Logger LOG = LoggerFactory.getLogger(ZhenshiTcpCamera.class);
    private static final Logger WIRE = LoggerFactory.getLogger("boothdesk.wire");
    public static final int DEFAULT_PORT = 8131;
    private static final int MAX_FRAME = 8 * 1024 * 1024;

    private final InetSocketAddress address;
    private final Duration keepAlive;
    private final ScheduledExecutorService timer;
    private final Object writeLock = new Object();
    private volatile boolean running;
    private volatile Socket socket;
    private volatile CompletableFuture<byte[]> pendingSnapshot;
    private Map<String, WhiteListPlate> knownWhiteList;
    private long backoffMs = 1000;

    public ZhenshiTcpCamera(String cameraId, InetSocketAddress address, PlateEventHandler handler, Clock clock,
                            Duration keepAlive) {
        super(cameraId, handler, clock, keepAlive.multipliedBy(3));
        this.address = Objects.requireNonNull(address, "address");
        this.keepAlive = keepAlive;
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "zhenshi-tcp-" + cameraId + "-timer");
            t.setDaemon(true);
            return t;
        });
    }

    @Override
    public CameraKind kind() {
        return CameraKind.ZHENSHI_TCP;
    }

    @Override
    public Set<CameraCapability> capabilities() {
        // KEEP_OPEN holds the open relay on (ioctl value 1): INFERRED from the relay semantics, not documented
        // RS485_RECEIVE: the camera relays what the card answers (ttransmission recv, INFERRED), so ACKs are read
        return EnumSet.of(CameraCapability.KEEP_OPEN, CameraCapability.SNAPSHOT, CameraCapability.RS485,
                CameraCapability.RS485_RECEIVE, CameraCapability.WHITE_LIST, CameraCapability.CLOCK);
    }

    @Override
    public void start() {
        running = true;
        timer.execute(this::connect);
        timer.scheduleWithFixedDelay(this::keepAlive, keepAlive.toMillis(), keepAlive.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    private void connect() {
        if (!running) {
            return;
        }
        Socket s = new Socket();
        try {
            s.connect(address, 3000);
            s.setSoTimeout((int) keepAlive.multipliedBy(3).toMillis());
            s.setTcpNoDelay(true);
            socket = s;
            write(VzFrame.json(ZhenshiTcpProtocol.subscribe()));
            backoffMs = 1000;
            LOG.info("Zhenshi TCP camera {} connected at {}", cameraId, address);
            Thread reader = new Thread(() -> read(s), "zhenshi-tcp-" + cameraId);
            reader.setDaemon(true);
            reader.start();
        } catch (IOException e) {
            closeQuietly(s);
            socket = null;
            unreachable("cannot connect to " + address + ": " + e.getMessage());
            scheduleReconnect();
        }
    }

    private void scheduleReconnect() {
        if (!running) {
            return;
        }
        long wait = backoffMs;
        backoffMs = Math.min(10_000, backoffMs * 2);
        try {
            timer.schedule(this::connect, wait, TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            // closing
        }
    }

    private void read(Socket s) {
        VzFrame.Reader reader = new VzFrame.Reader(MAX_FRAME);
        byte[] buf = new byte[64 * 1024];
        try (InputStream in = s.getInputStream()) {
            int n;
            while ((n = in.read(buf)) > 0) {
                for (VzFrame f : reader.feed(buf, 0, n)) {
                    onFrame(f);
                }
            }
            throw new IOException("camera closed the connection");
        } catch (SocketTimeoutException e) {
            unreachable("no frame for " + keepAlive.multipliedBy(3).toSeconds() + " s");
        } catch (IOException | IllegalArgumentException e) {
            if (running) {
                unreachable("connection lost: " + e.getMessage());
            }
        } finally {
            closeQuietly(s);
            if (socket == s) {
                socket = null;
            }
            if (running) {
                timer.execute(this::scheduleReconnect);
            }
        }
    }

    private void onFrame(VzFrame f) {
        heard();
        if (f.type() == VzFrame.KEEP_ALIVE) {
            return;
        }
        ZhenshiTcpProtocol.Message m;
        try {
            m = ZhenshiTcpProtocol.decode(f, cameraId, address.getHostString(), clock.instant());
        } catch (IllegalArgumentException e) {
            LOG.warn("camera {} sent a frame that cannot be read: {}", cameraId, LogText.cut(e.getMessage()));
            return;
        }
        if (WIRE.isDebugEnabled()) {
            WIRE.debug("zhenshi-tcp {} -> {}", cameraId, LogText.cut(f.jsonText(), 2000));
        }
        if (m instanceof ZhenshiTcpProtocol.Result r) {
            CompletableFuture<byte[]> snap = pendingSnapshot;
            if (snap != null && r.event().fullImage().length > 0) {
                pendingSnapshot = null;
                snap.complete(r.event().fullImage());
            }
            CameraReply reply = dispatch(r.event());
            if (!reply.isEmpty()) {
                deliver(reply, Duration.ofSeconds(2));
            }
        } else if (m instanceof ZhenshiTcpProtocol.Serial serial) {
            serialReceived(serial.payload());
        } else if (m instanceof ZhenshiTcpProtocol.Reply reply && reply.stateCode() >= 0 && reply.stateCode() != 200) {
            LOG.warn("camera {} refused {}: state_code {}", cameraId, LogText.cut(reply.cmd()), reply.stateCode());
        }
    }

    private void keepAlive() {
        if (socket == null) {
            return;
        }
        try {
            write(VzFrame.keepAlive());
        } catch (IOException e) {
            unreachable("keep-alive not sent: " + e.getMessage());
        }
        health();
    }

    private void write(VzFrame f) throws IOException {
        Socket s = socket;
        if (s == null) {
            throw new IOException("not connected to " + address);
        }
        synchronized (writeLock) {
            OutputStream out = s.getOutputStream();
            out.write(f.encode());
            out.flush();
        }
        if (WIRE.isDebugEnabled() && f.type() == VzFrame.DATA) {
            WIRE.debug("zhenshi-tcp {} <- {}", cameraId, LogText.cut(f.jsonText(), 2000));
        }
    }

    private CompletableFuture<CommandOutcome> sendJson(String what, String json) {
        return command(what, () -> {
            write(VzFrame.json(json));
            return CommandOutcome.of(CommandOutcome.Status.SENT, what + " sent to camera " + cameraId);
        });
    }

    @Override
    public CompletableFuture<CommandOutcome> barrier(BarrierCommand command) {
        switch (command) {
            case OPEN:
                return sendJson("gate open", ZhenshiTcpProtocol.ioctl(0, 2, 500));
            case KEEP_OPEN:
                gateState = GateState.HELD_OPEN;
                return sendJson("gate keep open", ZhenshiTcpProtocol.ioctl(0, 1, 0));
            case RELEASE:
                gateState = GateState.UNKNOWN;
                return sendJson("gate release", ZhenshiTcpProtocol.ioctl(0, 0, 0));
            default:
                return LaneCamera.unsupported(this, "closing the barrier");
        }
    }

    @Override
    public CompletableFuture<CommandOutcome> deliver(CameraReply reply, Duration window) {
        CompletableFuture<CommandOutcome> all = CompletableFuture.completedFuture(
                CommandOutcome.of(CommandOutcome.Status.SENT, "nothing to send"));
        if (reply.openGate()) {
            all = barrier(BarrierCommand.OPEN);
        }
        for (SerialPayload p : reply.serialData()) {
            CompletableFuture<CommandOutcome> next = sendSerial(p);
            all = all.thenCombine(next, (a, b) -> a.delivered() ? b : a);
        }
        return all.completeOnTimeout(CommandOutcome.of(CommandOutcome.Status.DROPPED_STALE,
                "camera " + cameraId + " did not take the command within " + window.toMillis() + " ms"),
                window.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public CompletableFuture<CommandOutcome> sendSerial(SerialPayload payload) {
        return sendJson("RS485 data", ZhenshiTcpProtocol.serialSend(payload.channel(), payload.data()));
    }

    @Override
    public CompletableFuture<byte[]> snapshot() {
        CompletableFuture<byte[]> f = new CompletableFuture<>();
        pendingSnapshot = f;
        sendJson("snapshot trigger", ZhenshiTcpProtocol.trigger()).thenAccept(o -> {
            if (!o.delivered()) {
                f.completeExceptionally(new IOException(o.detail()));
            }
        });
        return f.orTimeout(3, TimeUnit.SECONDS);
    }

    @Override
    public CompletableFuture<CommandOutcome> replaceWhiteList(List<WhiteListPlate> plates) {
        return command("white list", () -> {
            Map<String, WhiteListPlate> wanted = new LinkedHashMap<>();
            plates.forEach(p -> wanted.put(p.plate(), p));
            LocalDateTime now = LocalDateTime.now(clock);
            int sent = 0;
            if (knownWhiteList == null) {
                write(VzFrame.json(ZhenshiTcpProtocol.whiteListClear()));
                knownWhiteList = new LinkedHashMap<>();
                sent++;
            }
            for (String plate : List.copyOf(knownWhiteList.keySet())) {
                if (!wanted.containsKey(plate)) {
                    write(VzFrame.json(ZhenshiTcpProtocol.whiteListDelete(plate)));
                    knownWhiteList.remove(plate);
                    sent++;
                }
            }
            for (WhiteListPlate p : wanted.values()) {
                if (!p.equals(knownWhiteList.get(p.plate()))) {
                    write(VzFrame.json(ZhenshiTcpProtocol.whiteListAdd(p, now)));
                    knownWhiteList.put(p.plate(), p);
                    sent++;
                }
            }
            return CommandOutcome.of(CommandOutcome.Status.SENT, sent + " white-list command(s) for "
                    + wanted.size() + " plate(s)");
        }).whenComplete((o, e) -> {
            if (o != null && !o.delivered()) {
                synchronized (this) {
                    knownWhiteList = null; // unknown state on the camera: start over next time
                }
            }
        });
    }

    @Override
    public CompletableFuture<CommandOutcome> setClock(LocalDateTime localTime) {
        return sendJson("set clock", ZhenshiTcpProtocol.setTime(localTime));
    }

    @Override
    public void close() {
        running = false;
        timer.shutdownNow();
        closeQuietly(socket);
        socket = null;
        super.close();
    }

    private static void closeQuietly(Socket s) {
        if (s != null) {
            try {
                s.close();
            } catch (IOException e) {
                // closing anyway
            }
        }
    }
}
