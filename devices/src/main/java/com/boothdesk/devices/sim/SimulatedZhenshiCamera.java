package com.boothdesk.devices.sim;

import com.boothdesk.devices.camera.SerialPayload;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Zhenshi camera in HTTP-push mode: POSTs real {@code AlarmInfoPlate} bodies (with generated JPEG images in base64)
 * to a server and parses the reply the way the camera would. Plate ids count up from 1 per simulated camera.
 */
public final class SimulatedZhenshiCamera {
    private static final Logger LOG = LoggerFactory.getLogger(SimulatedZhenshiCamera.class);

    private final URI target;
    private final String serialNo;
    private final String ipAddr;
    private final Clock clock;
    private final HttpClient http;
    private final ObjectMapper json = new ObjectMapper();
    private final AtomicLong nextPlateId = new AtomicLong(1);
    private volatile boolean images = true;
    /** null: the camera reports no gate state (older firmware); else the value sent in {@code gateStatus}. */
    private volatile Integer gateStatus;
    private volatile com.boothdesk.devices.serial.SerialLink rs485;

    public SimulatedZhenshiCamera(URI target, String serialNo, String ipAddr, Clock clock) {
        this.target = Objects.requireNonNull(target, "target");
        this.serialNo = Objects.requireNonNull(serialNo, "serialNo");
        this.ipAddr = Objects.requireNonNull(ipAddr, "ipAddr");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
    }

    /** Leaves the images out of pushes (smaller requests, e.g. for the benchmark). */
    /**
     * Reports its barrier's position in every push and heartbeat ({@code gateStatus}, INFERRED field of firmware
     * v1.8.9): closed now; open after an answer with {@code info:"ok"}, closed again at {@link #carPassed}.
     */
    public SimulatedZhenshiCamera reportingGateState() {
        gateStatus = 1;
        return this;
    }

    /** The car has passed: the barrier falls by its loop (reported from the next call on). */
    public void carPassed() {
        if (gateStatus != null) {
            gateStatus = 1;
        }
    }

    /** The barrier reports a fault (e.g. blocked) from the next call on. */
    public void barrierFault() {
        gateStatus = 3;
    }

    public SimulatedZhenshiCamera withoutImages() {
        images = false;
        return this;
    }

    /**
     * Writes the {@code serialData} of every reply to this link, as the camera writes it to its RS485 port (where a
     * {@link SimulatedLaneCard} may listen). The caller opens and closes the link.
     */
    public SimulatedZhenshiCamera forwardSerialTo(com.boothdesk.devices.serial.SerialLink link) {
        rs485 = link;
        java.util.concurrent.ScheduledExecutorService ex = relay();
        link.setReceiver(bytes -> {
            answered.add(new SerialPayload(0, bytes.clone()));
            if (pushSerialInput) {
                try {
                    ex.execute(() -> postSerialData(0, bytes));
                } catch (java.util.concurrent.RejectedExecutionException closed) {
                    LOG.debug("simulated camera {} closed: RS485 answer not pushed", serialNo);
                }
            }
        });
        return this;
    }

    private final java.util.List<SerialPayload> answered = new java.util.concurrent.CopyOnWriteArrayList<>();
    private volatile boolean pushSerialInput;
    private java.util.concurrent.ScheduledExecutorService relay;

    private synchronized java.util.concurrent.ScheduledExecutorService relay() {
        if (relay == null) {
            relay = java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "sim-zhenshi-" + serialNo);
                t.setDaemon(true);
                return t;
            });
        }
        return relay;
    }

    /**
     * "串口数据推送" on: what the card answers on the camera's RS485 port is pushed to the booth as
     * {@code {"SerialData":{"serialno","ipaddr","serialChannel","data","dataLen"}}} (field names INFERRED, mirroring
     * the reply's {@code serialData}), in order, one push per chunk the port received.
     */
    public SimulatedZhenshiCamera pushingSerialInput() {
        pushSerialInput = true;
        return this;
    }

    /**
     * Comet polling: a heartbeat every {@code interval} on the camera's own thread, each answer's {@code serialData}
     * written to its RS485 port, as the camera does in "comet 轮询" mode. Stopped by {@link #close()}.
     */
    public SimulatedZhenshiCamera polling(Duration interval) {
        relay().scheduleWithFixedDelay(this::heartbeat, 0, interval.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
        return this;
    }

    private final java.util.List<SerialPayload> written = new java.util.concurrent.CopyOnWriteArrayList<>();

    /** What the camera wrote to its RS485 port from the booth's replies, in order. */
    public java.util.List<SerialPayload> rs485Written() {
        return new ArrayList<>(written);
    }

    /** What the card answered on the camera's RS485 port, in order. */
    public java.util.List<SerialPayload> rs485Answered() {
        return new ArrayList<>(answered);
    }

    /** Stops polling and relaying. */
    public synchronized void close() {
        if (relay != null) {
            relay.shutdownNow();
            relay = null;
        }
    }

    /** Pushes bytes the RS485 port received (a {@code SerialData} push). */
    public CameraPushResult postSerialData(int channel, byte[] bytes) {
        ObjectNode root = json.createObjectNode();
        ObjectNode a = root.putObject("SerialData");
        a.put("serialno", serialNo);
        a.put("ipaddr", ipAddr);
        a.put("serialChannel", channel);
        a.put("data", Base64.getEncoder().encodeToString(bytes));
        a.put("dataLen", bytes.length);
        return post(root.toString().getBytes(StandardCharsets.UTF_8), -1);
    }

    public String serialNo() {
        return serialNo;
    }

    /** What the real camera sends as the license of a car without a plate. */
    public static final String NO_PLATE = "_无_";

    /** Pushes a live read of a car without a plate ({@code "_无_"}, as the real camera does). */
    public CameraPushResult pushNoPlate() {
        return push(NO_PLATE);
    }

    /** Pushes a live read of {@code plate} (blue plate, confidence 95) with a new plate id; empty: no plate. */
    public CameraPushResult push(String plate) {
        long id = nextPlateId.getAndIncrement();
        return post(alarmBody(plate, id, false, clock.instant()), id);
    }

    /** Re-pushes a stored record as the camera does after an outage ({@code isoffline:1}). */
    public CameraPushResult pushOffline(String plate, long plateId, Instant readAt) {
        return post(alarmBody(plate, plateId, true, readAt), plateId);
    }

    /** Re-pushes a stored record whose clock the camera lost ({@code Timeval.sec} 0, as after a reset without RTC). */
    public CameraPushResult pushOfflineWithoutTime(String plate, long plateId) {
        return post(alarmBody(plate, plateId, true, null), plateId);
    }

    /** Re-sends a live read with a given plate id (a camera repeating itself). */
    public CameraPushResult pushWithId(String plate, long plateId) {
        return post(alarmBody(plate, plateId, false, clock.instant()), plateId);
    }

    /** A comet-style heartbeat: {@code {"AlarmInfoPlate":{"heartbeat":1,"serialno":...}}}. */
    public CameraPushResult heartbeat() {
        ObjectNode root = json.createObjectNode();
        ObjectNode a = root.putObject("AlarmInfoPlate");
        a.put("heartbeat", 1);
        a.put("serialno", serialNo);
        a.put("ipaddr", ipAddr);
        if (gateStatus != null) {
            a.put("gateStatus", gateStatus);
        }
        return post(root.toString().getBytes(StandardCharsets.UTF_8), -1);
    }

    /** Sends any body (fuzzing, malformed payloads). */
    public CameraPushResult postRaw(byte[] body, String contentType) {
        return send(HttpRequest.newBuilder(target).timeout(Duration.ofSeconds(10))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), -1);
    }

    private byte[] alarmBody(String plate, long plateId, boolean offline, Instant at) {
        ObjectNode root = json.createObjectNode();
        ObjectNode a = root.putObject("AlarmInfoPlate");
        a.put("channel", 0);
        a.put("deviceName", "IVS-" + serialNo);
        a.put("ipaddr", ipAddr);
        a.put("serialno", serialNo);
        ObjectNode r = a.putObject("result").putObject("PlateResult");
        // a real Zhenshi camera reports a car without a plate as "_无_", never as an empty string
        r.put("license", plate == null || plate.isBlank() ? NO_PLATE : plate);
        r.put("colorType", 1);
        r.put("type", 1);
        r.put("confidence", 95);
        r.put("triggerType", 8);
        r.put("plateid", plateId);
        r.put("isoffline", offline ? 1 : 0);
        if (gateStatus != null && !offline) {
            r.put("gateStatus", gateStatus);
        }
        ObjectNode tv = r.putObject("timeStamp").putObject("Timeval");
        tv.put("sec", at == null ? 0 : at.getEpochSecond());
        tv.put("usec", at == null ? 0 : at.getNano() / 1000);
        if (images) {
            r.put("imageFile", Base64.getEncoder().encodeToString(PlateImages.scene(plate, serialNo + " " + (at == null ? "" : at))));
            r.put("imageFragmentFile", Base64.getEncoder().encodeToString(PlateImages.plateCrop(plate)));
        }
        return root.toString().getBytes(StandardCharsets.UTF_8);
    }

    private CameraPushResult post(byte[] body, long plateId) {
        return send(HttpRequest.newBuilder(target).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), plateId);
    }

    private static boolean closedBeforeAnswer(IOException e) {
        String m = String.valueOf(e.getMessage());
        return e instanceof java.io.EOFException || m.contains("received no bytes") || m.contains("Connection reset");
    }

    private CameraPushResult send(HttpRequest req, long plateId) {
        HttpResponse<String> resp;
        try {
            try {
                resp = http.send(req, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            } catch (IOException closedUnderUs) {
                // a pooled keep-alive connection the booth closed while idle: the request never reached it. A real
                // camera sends an unanswered record again (the booth drops duplicates by plateid): so does this one
                if (!closedBeforeAnswer(closedUnderUs)) {
                    throw closedUnderUs;
                }
                resp = http.send(req, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            LOG.warn("simulated camera {} could not reach {}: {}", serialNo, target, e.toString());
            return new CameraPushResult(-1, e.toString(), false, List.of(), false, plateId);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new CameraPushResult(-1, "interrupted", false, List.of(), false, plateId);
        }
        boolean open = false;
        boolean cont = false;
        List<SerialPayload> serial = new ArrayList<>();
        if (resp.statusCode() == 200) {
            try {
                JsonNode r = json.readTree(resp.body()).path("Response_AlarmInfoPlate");
                open = "ok".equals(r.path("info").asText());
                if (open && gateStatus != null && gateStatus != 3) {
                    gateStatus = 2;
                }
                for (JsonNode s : r.path("serialData")) {
                    byte[] d = Base64.getDecoder().decode(s.path("data").asText());
                    if (d.length != s.path("dataLen").asInt(-1)) {
                        LOG.warn("reply serialData dataLen {} does not match {} decoded bytes", s.path("dataLen"),
                                d.length);
                    }
                    serial.add(new SerialPayload(s.path("serialChannel").asInt(0), d));
                }
                cont = r.path("ContinuePushOffline").path("continue").asInt(0) == 1;
            } catch (IOException | IllegalArgumentException e) {
                LOG.warn("simulated camera {} cannot parse reply {}: {}", serialNo, resp.body(), e.toString());
            }
        }
        com.boothdesk.devices.serial.SerialLink out = rs485;
        if (out != null) {
            for (SerialPayload p : serial) {
                try {
                    written.add(p);
                    out.write(p.data());
                } catch (com.boothdesk.devices.serial.SerialException e) {
                    LOG.warn("simulated camera {} could not write serialData to its RS485 port: {}", serialNo,
                            e.getMessage());
                }
            }
        }
        return new CameraPushResult(resp.statusCode(), resp.body(), open, serial, cont, plateId);
    }
}
