package com.boothdesk.app.hardware;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.boothdesk.app.domain.lane.LaneController;
import com.boothdesk.app.domain.lane.LaneInfo;
import com.boothdesk.app.domain.lane.LaneSnapshots;
import com.boothdesk.app.domain.lane.PlateRead;
import com.boothdesk.devices.snapshot.SnapshotException;
import com.boothdesk.devices.snapshot.SnapshotSource;

/**
 * A picture of a lane now: from its snapshot camera when one is configured (webcam or HTTP still image), else the
 * lane camera's latest push. Evidence for manual barrier movements and the cloud's captures.
 */
public final class LanePictures implements LaneSnapshots, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LanePictures.class);

    private final Map<String, SnapshotSource> sources;
    private final Map<String, LaneController> lanes = new ConcurrentHashMap<>();

    public LanePictures(Map<String, SnapshotSource> sources) {
        this.sources = Map.copyOf(sources);
    }

    /** The lane whose latest camera picture stands in when it has no snapshot camera. */
    public void register(LaneController lane) {
        lanes.put(lane.lane().id(), lane);
    }

    @Override
    public Optional<byte[]> take(LaneInfo lane) {
        return take(lane.id());
    }

    public Optional<byte[]> take(String laneId) {
        SnapshotSource source = sources.get(laneId);
        if (source != null) {
            try {
                return Optional.of(source.capture().jpeg());
            } catch (SnapshotException e) {
                LOG.warn("Lane {}: snapshot camera {} failed: {}; using the last camera picture", laneId,
                        source.description(), e.getMessage());
            }
        }
        LaneController lane = lanes.get(laneId);
        Optional<byte[]> last = lane == null ? Optional.empty()
                : lane.state().get().read().map(PlateRead::image).filter(b -> b.length > 0);
        if (last.isEmpty()) {
            LOG.warn("Lane {}: no picture could be taken (no snapshot camera, no camera push yet)", laneId);
        }
        return last;
    }

    @Override
    public void close() {
        sources.values().forEach(s -> {
            try {
                s.close();
            } catch (Exception e) {
                LOG.debug("closing snapshot source: {}", e.toString());
            }
        });
    }
}
