package com.boothdesk.devices.camera;

import java.time.Duration;
import java.util.Objects;

/**
 * Tuning of a {@link ZhenshiPushServer}.
 *
 * @param samePlateInterval the same plate from the same camera within this interval is a duplicate (0 = off)
 * @param staleAfter a camera with no push or heartbeat for this long is reported silent
 * @param maxBodyBytes larger request bodies are refused with 413 (two JPEGs in base64 fit easily in 8 MB)
 * @param threads HTTP worker threads
 * @param rememberedPlateIds plate ids kept per server for de-duplicating offline re-pushes
 */
public record ZhenshiServerOptions(Duration samePlateInterval, Duration staleAfter, int maxBodyBytes, int threads,
                                   int rememberedPlateIds) {
    public static final ZhenshiServerOptions DEFAULTS = new ZhenshiServerOptions(Duration.ofSeconds(10),
            Duration.ofSeconds(30), 8 * 1024 * 1024, 4, 20_000);

    public ZhenshiServerOptions {
        Objects.requireNonNull(samePlateInterval, "samePlateInterval");
        Objects.requireNonNull(staleAfter, "staleAfter");
        if (maxBodyBytes < 1024 || threads < 1 || rememberedPlateIds < 1) {
            throw new IllegalArgumentException("maxBodyBytes >= 1024, threads >= 1, rememberedPlateIds >= 1");
        }
    }

    public ZhenshiServerOptions withSamePlateInterval(Duration d) {
        return new ZhenshiServerOptions(d, staleAfter, maxBodyBytes, threads, rememberedPlateIds);
    }

    public ZhenshiServerOptions withStaleAfter(Duration d) {
        return new ZhenshiServerOptions(samePlateInterval, d, maxBodyBytes, threads, rememberedPlateIds);
    }
}
