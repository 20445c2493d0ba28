package com.boothdesk.devices.sim.zhenshitcp;

import com.boothdesk.devices.camera.SerialPayload;
import com.boothdesk.devices.camera.zhenshitcp.VzFrame;
import com.boothdesk.devices.camera.zhenshitcp.ZhenshiTcpProtocol;
import com.boothdesk.devices.sim.PlateImages;
import com.boothdesk.devices.sim.camerakit.SimulatedCameraSide;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.Base64;
import java.util.Deque;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Zhenshi camera's TCP side (port 8131 protocol on an ephemeral loopback port): accepts the booth's connection,
 * answers keep-alives, sends {@code ivs_result} frames once subscribed, pulses its relay on {@code ioctl}, writes
 * {@code ttransmission} bytes to its RS485 side, keeps a white list. While no booth is subscribed, a car that
 * {@link #drive drives up} is let through by the white list and its record kept; the records are re-sent with
 * {@code isoffline:1} when a booth subscribes again, as the camera does.
 */
public final class SimulatedZhenshiTcpCamera implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SimulatedZhenshiTcpCamera.class);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final String serialNo;
    private final Clock clock;
    /** How far the booth set this camera's clock from the simulator's clock (a real camera keeps the set time). */
    private volatile java.time.Duration clockOffset = java.time.Duration.ZERO;
    private final ObjectMapper json = new ObjectMapper();
    private final SimulatedCameraSide side = new SimulatedCameraSide();
    private final AtomicLong nextId = new AtomicLong(1);
    private final Deque<ObjectNode> offline = new ArrayDeque<>();
    private final ServerSocket server;
    private volatile Socket client;
    private volatile boolean subscribed;
    private volatile boolean running = true;
    private volatile String carInFront = "";

    public SimulatedZhenshiTcpCamera(String serialNo, Clock clock) throws IOException {
        this.serialNo = Objects.requireNonNull(serialNo, "serialNo");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.server = new ServerSocket();
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        // what the card answers on RS485 goes to the booth as ttransmission recv, while one is connected
        side.onRs485Answer(p -> {
            if (client != null) {
                write(VzFrame.json(ZhenshiTcpProtocol.serialReceived(p.channel(), p.data())));
            }
        });
        Thread t = new Thread(this::acceptLoop, "sim-zhenshi-tcp-" + serialNo);
        t.setDaemon(true);
        t.start();
    }

    public int port() {
        return server.getLocalPort();
    }

    public SimulatedCameraSide side() {
        return side;
    }

    public boolean subscribed() {
        return subscribed && client != null;
    }

    /**
     * A car drives up: sent live to a subscribed booth; with no booth, the camera's white list decides and the record
     * is kept for the re-push. Returns the record id.
     */
    /** The camera's own time: the simulator's clock moved by what the booth set (its local time in the clock's zone). */
    private java.time.Instant now() {
        return clock.instant().plus(clockOffset);
    }

    public synchronized long drive(String plate) {
        long id = nextId.getAndIncrement();
        carInFront = plate;
        ObjectNode result = result(plate, id, now(), true);
        if (subscribed() && send(result, false)) {
            return id;
        }
        boolean opened = side.whiteListAllows(plate, LocalDateTime.now(clock).plus(clockOffset));
        LOG.info("sim zhenshi-tcp {}: no booth; {} {} by the camera's white list", serialNo, plate,
                opened ? "let through" : "kept waiting");
        if (opened) {
            offline.add(result);
        }
        return id;
    }

    private ObjectNode result(String plate, long id, Instant at, boolean images) {
        ObjectNode root = json.createObjectNode();
        root.put("cmd", "ivs_result");
        root.put("deviceName", "sim");
        root.put("ipaddr", "127.0.0.1");
        ObjectNode r = root.putObject("PlateResult");
        r.put("license", plate.isEmpty() ? "_无_" : plate);
        r.put("colorType", plate.isEmpty() ? 0 : 1);
        r.put("type", 1);
        r.put("confidence", plate.isEmpty() ? 0 : 96);
        r.put("plateid", id);
        r.put("isoffline", 0);
        r.put("triggerType", 8);
        ObjectNode tv = r.putObject("timeStamp").putObject("Timeval");
        tv.put("sec", at.getEpochSecond());
        tv.put("usec", at.getNano() / 1000);
        if (images) {
            byte[] full = PlateImages.scene(plate.isEmpty() ? "无牌" : plate, "SIM-TCP");
            byte[] clip = PlateImages.plateCrop(plate.isEmpty() ? "无牌" : plate);
            r.put("fullImgSize", full.length);
            r.put("clipImgSize", clip.length);
            root.set("_images", json.createArrayNode().add(Base64.getEncoder().encodeToString(full))
                    .add(Base64.getEncoder().encodeToString(clip)));
        }
        return root;
    }

    private boolean send(ObjectNode result, boolean asOffline) {
        ObjectNode copy = result.deepCopy();
        JsonNode imgs = copy.remove("_images");
        if (asOffline) {
            ((ObjectNode) copy.get("PlateResult")).put("isoffline", 1);
        }
        byte[] text = copy.toString().getBytes(StandardCharsets.UTF_8);
        byte[] full = imgs == null ? new byte[0] : Base64.getDecoder().decode(imgs.get(0).asText());
        byte[] clip = imgs == null ? new byte[0] : Base64.getDecoder().decode(imgs.get(1).asText());
        byte[] payload = new byte[text.length + 1 + full.length + clip.length];
        System.arraycopy(text, 0, payload, 0, text.length);
        System.arraycopy(full, 0, payload, text.length + 1, full.length);
        System.arraycopy(clip, 0, payload, text.length + 1 + full.length, clip.length);
        return write(new VzFrame(VzFrame.DATA, payload));
    }

    private boolean write(VzFrame f) {
        Socket c = client;
        if (c == null) {
            return false;
        }
        try {
            synchronized (this) {
                OutputStream out = c.getOutputStream();
                out.write(f.encode());
                out.flush();
            }
            return true;
        } catch (IOException e) {
            LOG.info("sim zhenshi-tcp {}: booth connection lost: {}", serialNo, e.getMessage());
            dropClient();
            return false;
        }
    }

    /** Drops the booth's connection (as a camera reboot would). */
    public void dropClient() {
        subscribed = false;
        Socket c = client;
        client = null;
        if (c != null) {
            try {
                c.close();
            } catch (IOException e) {
                // gone anyway
            }
        }
    }

    private void acceptLoop() {
        while (running) {
            try {
                Socket s = server.accept();
                dropClient();
                client = s;
                Thread t = new Thread(() -> serve(s), "sim-zhenshi-tcp-" + serialNo + "-conn");
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                if (running) {
                    LOG.warn("sim zhenshi-tcp {}: accept failed: {}", serialNo, e.toString());
                }
            }
        }
    }

    private void serve(Socket s) {
        VzFrame.Reader reader = new VzFrame.Reader(1024 * 1024);
        byte[] buf = new byte[8192];
        try (InputStream in = s.getInputStream()) {
            int n;
            while ((n = in.read(buf)) > 0) {
                for (VzFrame f : reader.feed(buf, 0, n)) {
                    onFrame(f);
                }
            }
        } catch (IOException | IllegalArgumentException e) {
            LOG.debug("sim zhenshi-tcp {}: connection ended: {}", serialNo, e.toString());
        } finally {
            if (client == s) {
                dropClient();
            }
        }
    }

    private void onFrame(VzFrame f) throws IOException {
        if (f.type() == VzFrame.KEEP_ALIVE) {
            write(VzFrame.keepAlive());
            return;
        }
        JsonNode cmd = json.readTree(f.jsonText());
        String name = cmd.path("cmd").asText("");
        side.command(f.jsonText());
        switch (name) {
            case "ivsresult" -> {
                subscribed = cmd.path("enable").asBoolean(false);
                reply(name, 200);
                synchronized (this) {
                    while (subscribed && !offline.isEmpty()) {
                        if (!send(offline.peek(), true)) {
                            break;
                        }
                        offline.poll();
                    }
                }
            }
            case "ioctl" -> {
                int value = cmd.path("value").asInt(-1);
                if (value == 2) {
                    side.relayOpen();
                } else if (value == 1) {
                    side.relayHold(true);
                } else if (value == 0) {
                    side.relayHold(false);
                }
                reply(name, 200);
            }
            case "ttransmission" -> {
                byte[] data = Base64.getDecoder().decode(cmd.path("data").asText(""));
                int ch = cmd.path("comm").asText("rs485-1").endsWith("2") ? 1 : 0;
                side.rs485(new SerialPayload(ch, data));
                reply(name, 200);
            }
            case "white_list_operator" -> {
                String op = cmd.path("operator_type").asText("");
                if (op.equals("update_or_add")) {
                    JsonNode rec = cmd.path("dldb_rec");
                    side.whiteListPut(rec.path("plate").asText(), LocalDateTime.parse(rec.path("enable_time")
                            .asText(), TIME), LocalDateTime.parse(rec.path("overdue_time").asText(), TIME));
                } else if (op.equals("delete")) {
                    side.whiteListRemove(cmd.path("plate").asText());
                } else if (op.equals("delete_all")) {
                    side.whiteListClear();
                }
                reply(name, 200);
            }
            case "set_time" -> {
                LocalDateTime set = LocalDateTime.parse(cmd.path("timestring").asText(), TIME);
                clockOffset = java.time.Duration.between(LocalDateTime.now(clock), set);
                side.clockSet(set);
                reply(name, 200);
            }
            case "trigger" -> {
                reply(name, 200);
                long id = nextId.getAndIncrement();
                send(result(carInFront, id, now(), true), false);
            }
            default -> reply(name, 400);
        }
    }

    private void reply(String cmd, int state) {
        write(VzFrame.json("{\"cmd\":\"" + cmd + "_resp\",\"state_code\":" + state + "}"));
    }

    @Override
    public void close() {
        running = false;
        dropClient();
        try {
            server.close();
        } catch (IOException e) {
            // closing anyway
        }
    }
}
