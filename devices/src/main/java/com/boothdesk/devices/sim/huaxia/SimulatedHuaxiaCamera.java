package com.boothdesk.devices.sim.huaxia;

import com.boothdesk.devices.camera.SerialPayload;
import com.boothdesk.devices.sim.PlateImages;
import com.boothdesk.devices.sim.camerakit.SimulatedCameraSide;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
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
 * A Huaxia camera in HTTP POST mode: POSTs plate results and heartbeats to the booth and does what each answer says
 * (IO1 opens, IO2 closes, RS485 data goes to its RS485 side, white-list operations, clock). A result the booth does
 * not take is decided by the camera's white list and kept; the next heartbeat the booth answers re-sends the kept
 * records as {@code type:"offline"}.
 */
public final class SimulatedHuaxiaCamera {
    private static final Logger LOG = LoggerFactory.getLogger(SimulatedHuaxiaCamera.class);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private volatile URI booth;
    private final String camId;
    private final Clock clock;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
    private final ObjectMapper json = new ObjectMapper();
    private final SimulatedCameraSide side = new SimulatedCameraSide();
    private final AtomicLong records = new AtomicLong(1);
    private final Deque<ObjectNode> kept = new ArrayDeque<>();

    /** @param booth the booth's URL for this camera, e.g. {@code http://127.0.0.1:p/huaxia/HX-1} */
    public SimulatedHuaxiaCamera(URI booth, String camId, Clock clock) {
        this.booth = Objects.requireNonNull(booth, "booth");
        this.camId = Objects.requireNonNull(camId, "camId");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Where the camera pushes from now on (the booth's listener may only be known after the camera exists). */
    public void pushTo(URI target) {
        this.booth = java.util.Objects.requireNonNull(target, "target");
    }

    public SimulatedCameraSide side() {
        return side;
    }

    private java.util.concurrent.ScheduledExecutorService relay;

    private synchronized java.util.concurrent.ScheduledExecutorService relay() {
        if (relay == null) {
            relay = java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "sim-huaxia-" + camId);
                t.setDaemon(true);
                return t;
            });
        }
        return relay;
    }

    /**
     * What the card answers on the camera's RS485 port is pushed to the booth ({@code type:"rs485"}), in order, on
     * the camera's own thread.
     */
    public SimulatedHuaxiaCamera pushingRs485Input() {
        java.util.concurrent.ScheduledExecutorService ex = relay();
        side.onRs485Answer(p -> {
            try {
                ex.execute(() -> reportRs485(p.data()));
            } catch (java.util.concurrent.RejectedExecutionException closed) {
                LOG.debug("sim huaxia {} closed: RS485 answer not pushed", camId);
            }
        });
        return this;
    }

    /** Heartbeats every {@code interval} on the camera's own thread (each answer carried out). Stopped by {@link #close()}. */
    public SimulatedHuaxiaCamera polling(Duration interval) {
        relay().scheduleWithFixedDelay(this::heartbeat, 0, interval.toMillis(),
                java.util.concurrent.TimeUnit.MILLISECONDS);
        return this;
    }

    /** Stops polling and relaying. */
    public void close() {
        java.util.concurrent.ScheduledExecutorService r;
        synchronized (this) {
            r = relay;
            relay = null;
        }
        if (r != null) {
            r.shutdownNow();
        }
    }

    /** A car drives up ("" = no plate read). */
    public synchronized boolean push(String plate) {
        ObjectNode r = json.createObjectNode();
        r.put("type", "online");
        r.put("version", "1.12");
        r.put("cam_id", camId);
        r.put("cam_ip", "127.0.0.1");
        r.put("vdc_type", "in");
        r.put("plate_val", !plate.isEmpty());
        r.put("plate_num", plate.isEmpty() ? "无牌车" : plate);
        r.put("plate_color", plate.isEmpty() ? "未知" : "蓝色");
        r.put("confidence", plate.isEmpty() ? 0 : 94);
        r.put("car_type", "小型车");
        r.put("start_time", TIME.format(LocalDateTime.now(clock)));
        r.put("record_id", records.getAndIncrement());
        r.put("picture", Base64.getEncoder().encodeToString(PlateImages.scene(plate.isEmpty() ? "无牌" : plate,
                "SIM-HX")));
        r.put("closeup_pic", Base64.getEncoder().encodeToString(PlateImages.plateCrop(plate.isEmpty() ? "无牌"
                : plate)));
        if (post(r)) {
            return true;
        }
        if (side.whiteListAllows(plate, LocalDateTime.now(clock))) {
            ObjectNode off = r.deepCopy();
            off.put("type", "offline");
            kept.add(off);
        }
        return false;
    }

    /** The camera's heartbeat; the booth's answer may carry commands; kept records go out after it. */
    public synchronized boolean heartbeat() {
        ObjectNode h = json.createObjectNode();
        h.put("type", "heartbeat");
        h.put("version", "1.12");
        h.put("cam_id", camId);
        if (!post(h)) {
            return false;
        }
        while (!kept.isEmpty()) {
            if (!post(kept.peek())) {
                return false;
            }
            kept.poll();
        }
        return true;
    }

    /** Bytes the card answered on RS485, reported to the booth. */
    public synchronized boolean reportRs485(byte[] data) {
        ObjectNode h = json.createObjectNode();
        h.put("type", "rs485");
        h.put("cam_id", camId);
        h.put("channel", 0);
        h.put("data", Base64.getEncoder().encodeToString(data));
        return post(h);
    }

    private boolean post(ObjectNode body) {
        HttpResponse<String> r;
        try {
            r = http.send(HttpRequest.newBuilder(booth).timeout(Duration.ofSeconds(5))
                    .header("Content-Type", "application/json;charset=UTF-8")
                    .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            LOG.info("sim huaxia {}: booth not reachable: {}", camId, e.toString());
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
        if (r.statusCode() != 200) {
            return false;
        }
        try {
            act(json.readTree(r.body()));
        } catch (IOException e) {
            LOG.warn("sim huaxia {}: answer is not JSON: {}", camId, e.toString());
        }
        return true;
    }

    private void act(JsonNode a) {
        for (JsonNode g : a.path("gpio_data")) {
            if (g.path("action").asText().equals("on")) {
                if (g.path("ionum").asText().equals("io1")) {
                    side.relayOpen();
                } else if (g.path("ionum").asText().equals("io2")) {
                    side.relayClose();
                }
            }
        }
        for (JsonNode d : a.path("rs485_data")) {
            side.rs485(new SerialPayload(d.path("channel").asInt(0) == 1 ? 1 : 0,
                    Base64.getDecoder().decode(d.path("data").asText(""))));
        }
        JsonNode w = a.path("white_list_operate");
        if (w.isObject()) {
            int op = w.path("operate_type").asInt(-1);
            if (op == 2) {
                side.whiteListClear();
            }
            for (JsonNode p : w.path("white_list_data")) {
                if (op == 0) {
                    side.whiteListPut(p.path("plate").asText(), LocalDateTime.parse(p.path("start_time").asText(),
                            TIME), LocalDateTime.parse(p.path("end_time").asText(), TIME));
                } else if (op == 1) {
                    side.whiteListRemove(p.path("plate").asText());
                }
            }
        }
        if (a.hasNonNull("time_sync")) {
            side.clockSet(LocalDateTime.parse(a.path("time_sync").asText(), TIME));
        }
        side.command(a.toString());
    }
}
