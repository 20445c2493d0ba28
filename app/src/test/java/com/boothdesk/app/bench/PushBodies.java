package com.boothdesk.app.bench;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import com.boothdesk.devices.sim.PlateImages;

/**
 * A Zhenshi camera's live push as {@code SimulatedZhenshiCamera} makes it (scene JPEG and plate crop in base64),
 * built before a benchmark's clock starts: drawing the simulated camera's pictures (~5-20 ms of Java2D) is the
 * camera's work, not the booth's; the benchmarks then send it with {@code postRaw}.
 */
final class PushBodies {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Plate ids of their own, far from the simulated cameras' counters (the booth drops a repeated id). */
    private static final AtomicLong PLATE_IDS = new AtomicLong(9_000_000);

    private PushBodies() {
    }

    static byte[] live(String serial, String plate, Instant at) {
        ObjectNode root = JSON.createObjectNode();
        ObjectNode a = root.putObject("AlarmInfoPlate");
        a.put("channel", 0);
        a.put("deviceName", "IVS-" + serial);
        a.put("ipaddr", "127.0.0.1");
        a.put("serialno", serial);
        ObjectNode r = a.putObject("result").putObject("PlateResult");
        r.put("license", plate);
        r.put("colorType", 1);
        r.put("type", 1);
        r.put("confidence", 95);
        r.put("triggerType", 8);
        r.put("plateid", PLATE_IDS.incrementAndGet());
        r.put("isoffline", 0);
        ObjectNode tv = r.putObject("timeStamp").putObject("Timeval");
        tv.put("sec", at.getEpochSecond());
        tv.put("usec", at.getNano() / 1000);
        r.put("imageFile", Base64.getEncoder().encodeToString(PlateImages.scene(plate, serial + " " + at)));
        r.put("imageFragmentFile", Base64.getEncoder().encodeToString(PlateImages.plateCrop(plate)));
        return root.toString().getBytes(StandardCharsets.UTF_8);
    }
}
