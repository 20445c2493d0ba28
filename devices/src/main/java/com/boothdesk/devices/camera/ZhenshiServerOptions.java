package com.boothdesk.devices.camera;

import com.boothdesk.devices.camera.http.FrontDoorOptions;
import java.time.Duration;
import java.util.Objects;

/**
 * Tuning of a {@link ZhenshiPushServer}.
 *
 * @param samePlateInterval the same plate from the same camera within this interval is a duplicate (0 = off)
 * @param staleAfter a camera with no push or heartbeat for this long is reported silent
 * @param maxBodyBytes larger JSON pushes are refused with 413 before their body is read (two JPEGs in base64 fit
 *     easily in 8 MB); heartbeat forms are bounded to {@link ZhenshiPushServer#MAX_FORM_BYTES}
 * @param maxImageBytes a decoded image larger than this is dropped (the read is kept without it)
 * @param rememberedPlateIds plate ids kept per server for de-duplicating offline re-pushes
 * @param door connection limits and deadlines of the HTTP front door
 */
public record ZhenshiServerOptions(Duration samePlateInterval, Duration staleAfter, int maxBodyBytes,
                                   int maxImageBytes, int rememberedPlateIds, FrontDoorOptions door) {
    public static final ZhenshiServerOptions DEFAULTS = new ZhenshiServerOptions(Duration.ofSeconds(10),
            Duration.ofSeconds(30), 8 * 1024 * 1024, 3 * 1024 * 1024, 20_000, FrontDoorOptions.DEFAULTS);

    public ZhenshiServerOptions {
        Objects.requireNonNull(samePlateInterval, "samePlateInterval");
        Objects.requireNonNull(staleAfter, "staleAfter");
        Objects.requireNonNull(door, "door");
        if (maxBodyBytes < 1024 || maxImageBytes < 1024 || rememberedPlateIds < 1) {
            throw new IllegalArgumentException("maxBodyBytes >= 1024, maxImageBytes >= 1024, rememberedPlateIds >= 1");
        }
    }

    public ZhenshiServerOptions withSamePlateInterval(Duration d) {
        return new ZhenshiServerOptions(d, staleAfter, maxBodyBytes, maxImageBytes, rememberedPlateIds, door);
    }

    public ZhenshiServerOptions withStaleAfter(Duration d) {
        return new ZhenshiServerOptions(samePlateInterval, d, maxBodyBytes, maxImageBytes, rememberedPlateIds, door);
    }

    public ZhenshiServerOptions withMaxBodyBytes(int n) {
        return new ZhenshiServerOptions(samePlateInterval, staleAfter, n, maxImageBytes, rememberedPlateIds, door);
    }

    public ZhenshiServerOptions withDoor(FrontDoorOptions d) {
        return new ZhenshiServerOptions(samePlateInterval, staleAfter, maxBodyBytes, maxImageBytes,
                rememberedPlateIds, d);
    }
}
