package com.boothdesk.app.cloud;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.boothdesk.app.common.Threads;
import com.boothdesk.app.domain.lane.LaneController;
import com.boothdesk.app.domain.lane.PlateRead;
import com.boothdesk.app.hardware.LanePictures;
import com.boothdesk.sdk.picture.CarPictureUploader;

/**
 * The cloud's lane-monitoring capture (3.31 notice_capture): take a picture of the lane now and upload it as a 2.12
 * picture over HTTP with the request's uuid ({@link LanePictures}: the snapshot camera, else the lane camera's latest
 * push). Runs on its own thread; the link is never held up.
 */
public final class LaneCapture implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LaneCapture.class);

    private final Map<String, LaneController> lanes;
    private final LanePictures pictures;
    private final CarPictureUploader uploader;
    private final Clock clock;
    private final ExecutorService worker = Threads.single("lane-capture");

    /** @param uploader null when no picture endpoint is configured (the capture is then only logged) */
    public LaneCapture(Map<String, LaneController> lanes, LanePictures pictures, CarPictureUploader uploader,
                       Clock clock) {
        this.lanes = Map.copyOf(lanes);
        this.pictures = pictures;
        this.uploader = uploader;
        this.clock = clock;
    }

    /** Starts a capture of {@code laneId}; false when there is no such lane. */
    public boolean capture(String laneId, String uuid) {
        LaneController lane = lanes.get(laneId);
        if (lane == null) {
            return false;
        }
        worker.execute(() -> {
            Optional<byte[]> jpeg = pictures.take(laneId);
            if (jpeg.isEmpty()) {
                return;
            }
            if (uploader == null) {
                LOG.warn("Capture {} of lane {}: {} bytes taken, but no picture endpoint is configured", uuid, laneId,
                        jpeg.get().length);
                return;
            }
            String plate = lane.state().get().read().map(PlateRead::plate).filter(p -> !p.isBlank()).orElse(null);
            uploader.upload(new CarPictureUploader.CarPicture("capture", uuid, null, plate,
                            clock.instant().getEpochSecond(), jpeg.get()))
                    .whenComplete((answer, error) -> {
                        if (error != null) {
                            LOG.warn("Capture {} of lane {}: upload failed: {}", uuid, laneId, error.toString());
                        } else {
                            LOG.info("Capture {} of lane {}: {} bytes uploaded", uuid, laneId, jpeg.get().length);
                        }
                    });
        });
        return true;
    }

    @Override
    public void close() {
        Threads.shutdown(worker);
    }
}
