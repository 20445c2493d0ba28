package com.boothdesk.devices.health;

import com.boothdesk.devices.util.LogSafe;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A ready-made {@link HealthSource}: holds the status, tells listeners when health or detail changes. */
public final class HealthTracker implements HealthSource {
    private static final Logger LOG = LoggerFactory.getLogger(HealthTracker.class);

    private final String deviceId;
    private final Clock clock;
    private final List<Consumer<HealthStatus>> listeners = new CopyOnWriteArrayList<>();
    private volatile HealthStatus status;

    public HealthTracker(String deviceId, Clock clock) {
        this.deviceId = Objects.requireNonNull(deviceId, "deviceId");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.status = new HealthStatus(deviceId, DeviceHealth.UNKNOWN, "not checked yet", clock.instant());
    }

    /** Widest detail kept: health texts are shown and logged, and may carry names that came from outside. */
    public static final int DETAIL_WIDTH = 240;

    /**
     * Records a new state; listeners are told only when health or detail actually changed. The detail is cut to
     * {@value #DETAIL_WIDTH} characters.
     */
    public void update(DeviceHealth health, String rawDetail) {
        String detail = LogSafe.cut(Objects.requireNonNull(rawDetail, "detail"), DETAIL_WIDTH);
        HealthStatus next;
        synchronized (this) {
            HealthStatus prev = status;
            if (prev.health() == health && prev.detail().equals(detail)) {
                return;
            }
            next = new HealthStatus(deviceId, health, detail,
                    prev.health() == health ? prev.since() : clock.instant());
            status = next;
        }
        if (next.health() != DeviceHealth.CONNECTED) {
            LOG.info("{} is {}: {}", deviceId, next.health(), LogSafe.text(detail, DETAIL_WIDTH));
        }
        for (Consumer<HealthStatus> l : listeners) {
            try {
                l.accept(next);
            } catch (RuntimeException e) {
                LOG.error("health listener of {} failed", deviceId, e);
            }
        }
    }

    @Override
    public HealthStatus health() {
        return status;
    }

    @Override
    public void addHealthListener(Consumer<HealthStatus> listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }
}
