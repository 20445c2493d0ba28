package com.boothdesk.app.hardware.camera;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.boothdesk.app.common.Threads;
import com.boothdesk.app.config.BoothConfig;
import com.boothdesk.app.domain.lane.LaneController;
import com.boothdesk.app.domain.lane.PlateRead;
import com.boothdesk.devices.camera.CameraReply;
import com.boothdesk.devices.camera.PlateEvent;
import com.boothdesk.devices.camera.PlateEventHandler;
import com.boothdesk.devices.camera.PlateSource;
import com.boothdesk.devices.camera.common.Addresses;
import com.boothdesk.devices.camera.common.CameraCapability;
import com.boothdesk.devices.camera.common.CameraHttpClient;
import com.boothdesk.devices.camera.common.CameraHub;
import com.boothdesk.devices.camera.common.CameraKind;
import com.boothdesk.devices.camera.common.CameraPushListener;
import com.boothdesk.devices.camera.common.LaneCamera;
import com.boothdesk.devices.camera.common.PathRoute;
import com.boothdesk.devices.camera.common.WhiteListPlate;
import com.boothdesk.devices.camera.dahua.DahuaCamera;
import com.boothdesk.devices.camera.dahua.DahuaRoute;
import com.boothdesk.devices.camera.hikvision.HikvisionCamera;
import com.boothdesk.devices.camera.huaxia.HuaxiaCamera;
import com.boothdesk.devices.camera.zhenshitcp.ZhenshiTcpCamera;
import com.boothdesk.devices.health.DeviceHealth;

/**
 * The lane cameras of every brand other than the Zhenshi HTTP push (which {@code CameraIntake} keeps), built from
 * {@code lane.<id>.camera.kind}: each adapter's reads go to its lane as {@link PlateRead}s (offline re-pushes as
 * offline reads), its barrier becomes the lane's gate and, with {@code card.via=camera}, its RS485 port the lane
 * card's line, all through one {@link PlateSource} (the {@link CameraHub}) that {@code LaneHardware} is given. The
 * brands that push (Hikvision, Dahua, Huaxia) share one bounded listener ({@link CameraPushListener}, JDK HTTP
 * server). On a schedule the cameras' white lists are made equal to the booth's monthly and white plates and their
 * clocks are set.
 */
public final class CameraModule implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(CameraModule.class);

    private final CameraSettings settings;
    private final Clock clock;
    private final Clock linkClock;
    private final ZoneId zone;
    private final CameraHub hub;
    private final Map<String, LaneController> lanes = new ConcurrentHashMap<>();
    private final Map<String, CameraSettings.CameraLane> byCamera = new LinkedHashMap<>();
    private CameraPushListener listener;
    private ScheduledExecutorService sync;
    private BoothWhiteList whiteList;
    private volatile CameraClockSync clockSync;

    private CameraModule(CameraSettings settings, Clock clock, Clock linkClock, ZoneId zone, PlateSource zhenshi) {
        this.settings = settings;
        this.clock = clock;
        this.linkClock = linkClock;
        this.zone = zone;
        this.hub = new CameraHub(zhenshi, linkClock);
    }

    /**
     * Builds the adapters (not yet started).
     *
     * @param clock     the lanes' clock (read times, white-list dates, the time set on the cameras)
     * @param linkClock the devices' clock (command windows, health)
     * @param zhenshi   the Zhenshi HTTP push server, for the lanes that keep it
     */
    public static CameraModule open(BoothConfig config, Clock clock, Clock linkClock, PlateSource zhenshi) {
        CameraModule m = new CameraModule(CameraSettings.from(config), clock, linkClock, config.zone(), zhenshi);
        m.build();
        return m;
    }

    private void build() {
        PathRoute hikvision = new PathRoute();
        PathRoute huaxia = new PathRoute();
        DahuaRoute dahua = new DahuaRoute();
        boolean listen = false;
        for (CameraSettings.CameraLane cl : settings.adapterLanes()) {
            byCamera.put(cl.cameraId(), cl);
            LaneCamera camera = switch (cl.kind()) {
                case ZHENSHI_TCP -> new ZhenshiTcpCamera(cl.cameraId(), new InetSocketAddress(cl.host(), cl.port()),
                        handler(cl, false), linkClock, Duration.ofSeconds(5));
                case HIKVISION -> {
                    HikvisionCamera c = new HikvisionCamera(cl.cameraId(), http(cl), cl.channel(),
                            Addresses.resolve(cl.host()), handler(cl, false), linkClock, Duration.ofSeconds(10));
                    if (cl.stream()) {
                        c.withAlertStream(settings.streamIdle());
                    } else {
                        hikvision.add(cl.cameraId(), c);
                    }
                    yield c;
                }
                case DAHUA -> {
                    DahuaCamera c = new DahuaCamera(cl.cameraId(), http(cl), cl.channel(),
                            Addresses.resolve(cl.host()), handler(cl, false), linkClock, Duration.ofSeconds(10));
                    if (cl.stream()) {
                        c.withEventStream(settings.streamIdle());
                    } else {
                        dahua.add(c);
                    }
                    yield c;
                }
                case HUAXIA -> {
                    HuaxiaCamera c = new HuaxiaCamera(cl.cameraId(), Addresses.resolve(cl.host()), handler(cl, true),
                            linkClock, Duration.ofSeconds(30));
                    huaxia.add(cl.cameraId(), c);
                    yield c;
                }
                default -> throw new IllegalStateException("not an adapter kind: " + cl.kind());
            };
            listen |= !cl.stream() && (cl.kind() == CameraKind.HIKVISION || cl.kind() == CameraKind.DAHUA
                    || cl.kind() == CameraKind.HUAXIA);
            hub.add(camera, cl.cardViaCamera() ? cl.rs485() : -1, cl.cardAckWait());
            LOG.info("Lane {}: {} camera {} at {}{}{}", cl.laneId(), cl.kind().key(), cl.cameraId(), cl.host(),
                    cl.stream() ? ", events read from its event stream" : "",
                    cl.cardViaCamera() ? ", LED/voice card on its RS485-" + (cl.rs485() + 1) : "");
        }
        for (CameraSettings.CameraLane cl : settings.replyCardLanes()) {
            hub.addReplyCardLine(cl.cameraId(), cl.rs485(), Duration.ofSeconds(5), cl.cardAckWait());
            LOG.info("Lane {}: LED/voice card on Zhenshi camera {}'s RS485-{} (serialData in its replies{})",
                    cl.laneId(), cl.cameraId(), cl.rs485() + 1, cl.cardAckWait() == null || cl.cardAckWait().isZero()
                            ? ", no ACKs" : ", ACKs from its SerialData pushes within "
                            + cl.cardAckWait().toMillis() + " ms");
        }
        if (listen) {
            listener = new CameraPushListener(new InetSocketAddress(settings.listenHost(), settings.listenPort()),
                    8 * 1024 * 1024, 4);
            listener.route("/hikvision", hikvision).route("/huaxia", huaxia).route("/NotificationInfo", dahua);
        }
    }

    private static CameraHttpClient http(CameraSettings.CameraLane cl) {
        return new CameraHttpClient(URI.create("http://" + cl.host() + ":" + cl.port()), cl.user(), cl.password(),
                Duration.ofSeconds(3), 4 * 1024 * 1024);
    }

    /**
     * Plate reads of one camera go to its lane. A reply-only camera (Huaxia) waits briefly for the lane's decision:
     * the lane's gate open is then queued with the adapter and rides the answer to this very push.
     */
    private PlateEventHandler handler(CameraSettings.CameraLane cl, boolean waitForDecision) {
        return (PlateEvent e) -> {
            LaneController lane = lanes.get(cl.laneId());
            if (lane == null) {
                LOG.warn("Plate {} from camera {} before lane {} is ready; ignored", e.plate(), cl.cameraId(),
                        cl.laneId());
                return CameraReply.none();
            }
            PlateRead read = new PlateRead(cl.laneId(), e.plate(), e.colorCode(), e.confidence(),
                    e.offline() ? e.readAt() : clock.instant(), e.fullImage(), e.serialNo(), e.plateImage(),
                    e.cameraTimeUnknown(), e.noPlateByType());
            if (e.offline()) {
                lane.onOfflineRead(read);
                return CameraReply.none();
            }
            var decided = lane.onPlate(read);
            if (waitForDecision && !settings.decisionWait().isZero()) {
                try {
                    decided.get(settings.decisionWait().toMillis(), TimeUnit.MILLISECONDS);
                } catch (java.util.concurrent.TimeoutException ex) {
                    LOG.info("Lane {}: no decision within {} ms; a gate open follows with the camera's next call",
                            cl.laneId(), settings.decisionWait().toMillis());
                } catch (InterruptedException ex) {
                    Thread.currentThread().interrupt();
                } catch (java.util.concurrent.ExecutionException ex) {
                    LOG.warn("Lane {}: decision failed: {}", cl.laneId(), ex.getCause().toString());
                }
            }
            return CameraReply.none();
        };
    }

    /** What {@code LaneHardware} gets as the lanes' camera source (gates, card lines, queued replies). */
    public PlateSource plateSource() {
        return hub;
    }

    /**
     * Connects the lanes and starts listening and connecting, then the white-list and clock schedule.
     *
     * @param db the booth's database (monthly and white plates), or null for no camera white list
     */
    public void start(Map<String, LaneController> laneControllers, DataSource db) throws IOException {
        lanes.putAll(laneControllers);
        if (listener != null) {
            listener.start();
        }
        hub.start();
        if (hub.cameras().isEmpty()) {
            return;
        }
        whiteList = db == null ? null : new BoothWhiteList(db);
        sync = Threads.scheduled("camera-sync");
        if (whiteList != null) {
            sync.scheduleWithFixedDelay(this::syncWhiteLists, 0, settings.whiteListSync().toMillis(),
                    TimeUnit.MILLISECONDS);
            sync.scheduleWithFixedDelay(this::syncWhiteListsIfChanged, settings.whiteListCheck().toMillis(),
                    settings.whiteListCheck().toMillis(), TimeUnit.MILLISECONDS);
        }
        clockSync = new CameraClockSync(hub::cameras, clock, zone, sync, settings.clockRetry());
        if (!settings.clockSync().isZero()) {
            sync.scheduleWithFixedDelay(this::syncClocks, 0, settings.clockSync().toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private volatile String lastFingerprint;

    /** Syncs the camera lists at once when the booth's lists changed since the last look (a card added, changed). */
    public void syncWhiteListsIfChanged() {
        if (whiteList == null) {
            return;
        }
        try {
            String f = whiteList.fingerprint();
            if (!f.equals(lastFingerprint)) {
                syncWhiteLists();
            }
        } catch (java.sql.SQLException | RuntimeException e) {
            LOG.warn("Camera white lists: the booth's lists could not be checked: {}", e.toString());
        }
    }

    /**
     * Makes every white-list camera's list equal to the booth's monthly and white plates now (an entry camera's only
     * the cards that may use its lane).
     */
    public synchronized void syncWhiteLists() {
        if (whiteList == null) {
            return;
        }
        List<BoothWhiteList.Row> rows;
        try {
            String f = whiteList.fingerprint();
            rows = whiteList.rows(LocalDate.now(clock.withZone(zone)));
            lastFingerprint = f;
        } catch (java.sql.SQLException | RuntimeException e) {
            LOG.warn("Camera white lists not synced: the booth's lists could not be read: {}", e.toString());
            return;
        }
        for (LaneCamera c : hub.cameras()) {
            CameraSettings.CameraLane cl = byCamera.get(c.cameraId());
            if (cl == null || !cl.whiteList() || !c.capabilities().contains(CameraCapability.WHITE_LIST)) {
                continue;
            }
            List<WhiteListPlate> plates = BoothWhiteList.forLane(rows, cl.laneId(), cl.entry());
            c.replaceWhiteList(plates).whenComplete((o, err) -> {
                if (err != null || !o.delivered()) {
                    lastFingerprint = null; // try again at the next check
                    LOG.warn("Camera {}: white list not synced: {}", c.cameraId(), err != null ? err.toString()
                            : o.detail());
                } else {
                    LOG.debug("Camera {}: white list {}", c.cameraId(), o.detail());
                }
            });
        }
    }

    /** Sets every camera's clock to the booth's local time (a camera that does not take it is tried again). */
    public void syncClocks() {
        CameraClockSync c = clockSync;
        if (c != null) {
            c.syncAll();
        }
    }

    /**
     * The barrier's position as the lane's camera last reported it (Hikvision {@code barrierGateStatus}, the Zhenshi
     * gate-state field), a {@code GateState} name; UNKNOWN where the camera reports none.
     */
    public String barrierPosition(String cameraId) {
        return hub.gateState(cameraId).name();
    }

    /** The health of a camera this module drives; empty for a Zhenshi HTTP camera. */
    public Optional<DeviceHealth> health(String cameraId) {
        return hub.camera(cameraId).map(c -> c.health().health());
    }

    /**
     * {@code lane.<id>.snapshot=camera}: pictures taken by the lane camera itself.
     *
     * @throws IllegalArgumentException when the lane's camera is not one this module drives or takes no pictures
     */
    public com.boothdesk.devices.snapshot.SnapshotSource snapshotSource(String cameraId) {
        LaneCamera c = hub.camera(cameraId).orElseThrow(() -> new IllegalArgumentException("'camera' needs a lane "
                + "camera of kind zhenshi_tcp, hikvision or dahua (camera " + cameraId + " is not one)"));
        return new CameraSnapshotSource(c, linkClock);
    }

    /** The adapter of a lane camera (tests, captures). */
    public Optional<LaneCamera> camera(String cameraId) {
        return hub.camera(cameraId);
    }

    /** The push listener's port, when a lane camera pushes to it. */
    public Optional<Integer> listenPort() {
        return listener == null || !listener.started() ? Optional.empty() : Optional.of(listener.port());
    }

    @Override
    public void close() {
        if (sync != null) {
            Threads.shutdown(sync);
        }
        if (listener != null) {
            listener.close();
        }
        hub.close();
    }
}
