package com.boothdesk.app;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.boothdesk.app.cloud.CloudBridge;
import com.boothdesk.app.cloud.DownlinkRouter;
import com.boothdesk.app.cloud.LaneCapture;
import com.boothdesk.app.cloud.LaneDownlinks;
import com.boothdesk.app.cloud.PictureUploads;
import com.boothdesk.app.cloud.sync.ListAdmin;
import com.boothdesk.app.cloud.sync.ListSync;
import com.boothdesk.app.common.Observable;
import com.boothdesk.app.common.Threads;
import com.boothdesk.app.config.BoothConfig;
import com.boothdesk.app.config.ConfigException;
import com.boothdesk.app.config.LaneConfig;
import com.boothdesk.app.config.TariffSource;
import com.boothdesk.app.demo.DemoDriver;
import com.boothdesk.app.domain.fee.FeeEngine;
import com.boothdesk.app.domain.fee.TariffSchedule;
import com.boothdesk.app.domain.lane.ImageStore;
import com.boothdesk.app.domain.lane.LaneController;
import com.boothdesk.app.domain.lane.LaneServices;
import com.boothdesk.app.domain.lane.LaneTexts;
import com.boothdesk.app.hardware.CameraIntake;
import com.boothdesk.app.hardware.LaneHardware;
import com.boothdesk.app.hardware.camera.CameraModule;
import com.boothdesk.app.hardware.LanePictures;
import com.boothdesk.app.hardware.TemplateTexts;
import com.boothdesk.devices.templates.LaneTemplates;
import com.boothdesk.app.store.Database;
import com.boothdesk.app.store.FileImageStore;
import com.boothdesk.app.store.JdbcGateEventLog;
import com.boothdesk.app.store.JdbcOrderRepository;
import com.boothdesk.app.store.JdbcParkSpaces;
import com.boothdesk.app.store.JdbcTariffVersions;
import com.boothdesk.app.store.lists.JdbcVehicleLists;
import com.boothdesk.app.store.staff.StaffConfig;
import com.boothdesk.app.store.staff.StaffModule;
import com.boothdesk.app.ui.Messages;
import com.boothdesk.sdk.link.CloudCredentials;
import com.boothdesk.sdk.link.CloudLink;
import com.boothdesk.sdk.link.CloudLinks;
import com.boothdesk.sdk.link.LinkStatus;
import com.boothdesk.sdk.link.TcpCloudLink;
import com.boothdesk.sdk.link.TcpLinkSettings;
import com.boothdesk.sdk.outbox.JdbcOutbox;
import com.boothdesk.sdk.outbox.OutboxDispatcher;
import com.boothdesk.sdk.outbox.RetryPolicy;
import com.boothdesk.sdk.picture.CarPictureUploader;
import com.boothdesk.sdk.poll.PaymentStatusPoller;
import com.boothdesk.devices.snapshot.SnapshotSource;
import com.boothdesk.devices.snapshot.SnapshotSources;
import com.boothdesk.sdk.sim.CloudSimSettings;
import com.boothdesk.sdk.sim.CloudSimulator;

/**
 * The composition root: builds every part from the configuration, by constructor, starts them in order and stops
 * them in reverse. It is the only class that knows the whole application.
 */
public final class BoothApp implements BoothContext, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(BoothApp.class);

    private final BoothConfig config;
    private final Clock clock;
    private final Clock linkClock;
    private final Messages messages;
    private final List<AutoCloseable> stack = new ArrayList<>();
    private volatile boolean closing;
    private final Map<String, LaneController> lanes = new LinkedHashMap<>();
    private final Observable<BoothStatus> status;

    private Database db;
    private JdbcOutbox outbox;
    private JdbcOrderRepository orders;
    private JdbcGateEventLog gates;
    private FileImageStore images;
    private CloudSimulator simulator;
    private CloudLink link;
    private TcpCloudLink tcpLink;
    private LaneHardware hardware;
    private CameraIntake cameras;
    private CameraModule cameraModule;
    private JdbcParkSpaces spaces;
    private JdbcVehicleLists lists;
    private ListAdmin listAdmin;
    private OutboxDispatcher dispatcher;
    private DownlinkRouter router;
    private com.boothdesk.app.cloud.ProtocolModule protocol;
    private PictureUploads pictures;
    private com.boothdesk.app.hardware.camera.EntryScanInCode scanIn; // cam3
    /** Guarded by refreshStatus's lock. */
    private int lastFreeShown = -1;
    private java.time.Instant lastFreeShownAt;
    private DemoDriver demo;
    private StaffModule staff;
    private com.boothdesk.app.ops.OpsModule ops;
    private com.boothdesk.app.report.ExitReceipts receipts;
    /** back office: the tariff schedule the lanes price with, replaceable from the settings screen */
    private com.boothdesk.app.settings.LiveTariffs liveTariffs;
    private com.boothdesk.app.payment.PaymentModule payments;
    /** outage: on a site database the lanes keep working while its server is down (site.outage) */
    private com.boothdesk.app.site.outage.OutageModule outage;

    private BoothApp(BoothConfig config, Clock clock, Clock linkClock) {
        this.config = config;
        this.clock = clock;
        this.linkClock = linkClock;
        this.messages = new Messages(config.locale());
        this.status = new Observable<>(new BoothStatus(LinkStatus.STOPPED.name(), 0, 0, config.capacity(),
                config.areas(), config.operator(), Map.of()));
    }

    /** Starts everything the configuration asks for. On failure, whatever was started is stopped again. */
    public static BoothApp start(BoothConfig config, Clock clock) {
        return start(config, clock, clock);
    }

    /**
     * As {@link #start(BoothConfig, Clock)}, with a separate clock for the cloud link, the outbox, the simulator and
     * the device drivers (heartbeats, timeouts, backoff, stale gate commands): tests move the lanes' clock by hours
     * without the links seeing time jump.
     */
    public static BoothApp start(BoothConfig config, Clock clock, Clock linkClock) {
        BoothApp app = new BoothApp(config, clock, linkClock);
        try {
            app.startAll();
            return app;
        } catch (RuntimeException | IOException e) {
            app.close();
            if (e instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException("BoothDesk could not start: " + e.getMessage(), e);
        }
    }

    private void startAll() throws IOException {
        Path data = config.dataDir().toAbsolutePath();
        Files.createDirectories(data);
        LOG.info("Starting BoothDesk booth {} with data folder {}", config.boothId(), data);

        db = push(com.boothdesk.app.site.outage.OutageStart.openStore(config)); // ostart: offline from the local copy
        com.boothdesk.app.retention.Retention retention = push(com.boothdesk.app.retention.RetentionModule.create(db,
                data, clock, config.zone()));
        outbox = com.boothdesk.app.site.SiteModule.outbox(db, config, linkClock);
        CloudBridge bridge = new CloudBridge(outbox, config.boothId(), linkClock);
        // a stored-value charge at the exit commits with the exit record (store.lists.ExitCharges)
        orders = new JdbcOrderRepository(db, com.boothdesk.app.store.lists.ExitCharges.around(db, bridge));
        gates = push(new JdbcGateEventLog(db, bridge));
        outage = push(com.boothdesk.app.site.outage.OutageModule.open(db, config, orders, gates, clock));
        images = push(new FileImageStore(data.resolve("images"), clock));
        staff = StaffModule.open(db, outbox, StaffConfig.load(data), clock, config.boothId(), config.operator());

        router = new DownlinkRouter(config.zone());
        ops = push(com.boothdesk.app.ops.OpsModule.start(config, db, outbox, router, linkClock));
        startCloud(bridge);

        FeeEngine engine = new FeeEngine(config.zone());
        TariffSchedule tariffs = new JdbcTariffVersions(db).record(TariffSource.configured(config), clock.instant());
        liveTariffs = new com.boothdesk.app.settings.LiveTariffs(tariffs);
        com.boothdesk.app.store.JdbcIntakeJournal journal = new com.boothdesk.app.store.JdbcIntakeJournal(db);
        com.boothdesk.app.domain.lane.IntakeJournal intake = outage.intake(journal); // outage: local while down
        cameras = push(new CameraIntake(config.cameras(), clock, intake));
        cameras.onCameraTime((serial, t) -> ops.clockWatch().observe("camera:" + serial, t));
        cameraModule = push(CameraModule.open(config, clock, linkClock, cameras.server()));
        hardware = push(LaneHardware.open(config.lanes(), linkClock, data, cameraModule.plateSource()));
        hardware.replyThrough(cameras.replies());
        ops.lanesReady(config.lanes().stream().map(l -> l.lane().id()).toList(), hardware::card, linkClock);
        spaces = new JdbcParkSpaces(db, config.areas(), config.laneAreas(), clock);
        lists = new JdbcVehicleLists(db, outbox, config.zone(), clock);
        LaneTexts texts = new TemplateTexts(LaneTemplates.load(data.resolve("templates")));
        LanePictures lanePictures = push(new LanePictures(snapshotSources()));
        LaneServices services = new LaneServices(outage.orders(orders), outage.gates(gates),
                request -> engine.quote(liveTariffs.schedule(), request), hardware, images, outage.lists(lists),
                outage.spaces(spaces), config.rules(), texts, lanePictures, clock, outage.operator(staff.operator()),
                config.debounce(),
                config.vehicleClass()).withJournal(intake)
                .withIdleAfter(LaneServices.idleAfter(config.keys().get("lane.idle_after_seconds")))
                .withClasses(outage.classes(com.boothdesk.app.cloud.sync.SiteVehicleClasses.of( // proto3: fee classes
                        com.boothdesk.app.domain.fee.VehicleClassRules.parse(config.keys().get("fee.class_by_colour"),
                                config.keys().get("fee.class_by_car_type"), config.vehicleClass()),
                        liveTariffs::schedule, db, clock)));
        for (LaneConfig lc : config.lanes()) {
            ExecutorService worker = Threads.single("lane-" + lc.lane().id());
            stack.add(() -> Threads.shutdown(worker));
            LaneController controller = new LaneController(lc.lane(), services, worker);
            lanes.put(lc.lane().id(), controller);
            lanePictures.register(controller);
            cameras.route(lc.camera(), controller, lc.gate() == LaneConfig.GateRoute.CAMERA);
            controller.recoverPending();
        }
        receipts = push(com.boothdesk.app.report.ExitReceipts.open(db, config, staff, lanes.values(), clock));
        cameras.start();
        cameraModule.start(lanes, db.dataSource());

        PaymentStatusPoller poller = null;
        if (link != null) {
            poller = push(new PaymentStatusPoller(link, linkClock));
            poller.start();
        }
        CarPictureUploader uploader = pictureUploader();
        pictures = push(new PictureUploads(db, images, uploader, linkClock));
        pictures.start();
        LaneCapture capture = push(new LaneCapture(lanes, lanePictures, uploader, linkClock));
        // outage: the cloud's prepayments and plate corrections are journaled while the site database is down
        new LaneDownlinks(outage.orders(orders), lanes, spaces, clock, config.vehicleClass(), poller, linkClock)
                .withCapture(capture).register(router);
        new ListSync(db, outbox, config.zone(), clock).register(router);
        protocol = com.boothdesk.app.cloud.ProtocolModule.install(db, orders, lanes, spaces, bridge, router,
                config.zone(), clock);
        payments = push(com.boothdesk.app.payment.PaymentModule.start(this, poller, router)); // pay
        scanIn = com.boothdesk.app.hardware.camera.EntryScanInCode.start(config.keys(), List.copyOf(lanes.values()),
                hardware, link); // cam3: the no-plate scan-in code on the entry LED
        if (scanIn != null) {
            push(scanIn);
        }
        listAdmin = new ListAdmin(db, outbox, config.zone(), clock);
        if (dispatcher != null) {
            lists.onUplinkStored(dispatcher::wake);
            listAdmin.onUplinkStored(dispatcher::wake);
            staff.onUplinkStored(dispatcher::wake);
            ops.onUplinkStored(dispatcher::wake);
        }

        ScheduledExecutorService ticker = Threads.scheduled("status");
        stack.add(() -> Threads.shutdown(ticker));
        ticker.scheduleWithFixedDelay(this::refreshStatus, 0, 1, TimeUnit.SECONDS);

        retention.start();
        if (config.demo().enabled()) {
            demo = push(new DemoDriver(config, this, clock));
            demo.start();
        }
        outage.started(); // ostart: a booth started offline keeps only the log-in's writes locally from now on
        LOG.info("BoothDesk is running: {} lane(s), camera port {}, cloud {}", lanes.size(), cameras.port(),
                config.cloud().mode());
    }

    private void startCloud(CloudBridge bridge) throws IOException {
        BoothConfig.Cloud c = config.cloud();
        if (c.mode() == BoothConfig.CloudMode.OFF) {
            LOG.warn("Cloud link is off: uplinks stay in the outbox until it is configured");
            return;
        }
        String host = c.host();
        int port = c.port();
        if (c.mode() == BoothConfig.CloudMode.SIMULATOR) {
            simulator = push(new CloudSimulator(
                    CloudSimSettings.of(c.unionId(), c.parkId(), c.secret()).withPort(port).withClock(linkClock)));
            simulator.start();
            host = "127.0.0.1";
            port = simulator.port();
            LOG.info("Built-in cloud simulator listening on {}:{}", host, port);
        } else if (port == 0) {
            throw new ConfigException("cloud.port must be set for cloud.mode=" + c.mode().name().toLowerCase());
        }
        CloudCredentials creds = new CloudCredentials(c.unionId(), c.parkId(), c.localId(), c.secret());
        if (c.mode() == BoothConfig.CloudMode.VENDOR_SDK) {
            // the site's own SDK jar, behind the same interface
            link = push(CloudLinks.create(new CloudLinks.Config(CloudLinks.Mode.VENDOR_SDK, host, port,
                    config.dataDir().resolve(c.vendorJar()), c.uplinkPublicKey()), creds, linkClock));
        } else {
            TcpCloudLink tcp = new TcpCloudLink(TcpLinkSettings.defaults(host, port)
                    .withHeartbeatInterval(c.heartbeat()).withWireSecrets(c.wireSecrets())
                    .withLogin(c.sdkVersion() == null ? TcpLinkSettings.LoginFields.plain()
                            : TcpLinkSettings.LoginFields.sdkVersion(c.sdkVersion())), creds, linkClock);
            link = push(tcp);
            tcpLink = tcp;
        }
        link.setDownlinkHandler(ops == null ? router : ops.clockTap(router));
        link.addStatusListener(s -> refreshStatus());
        dispatcher = push(new OutboxDispatcher(outbox, link, linkClock, RetryPolicy.defaults()));
        bridge.dispatcher(dispatcher);
        link.start();
        dispatcher.start();
    }

    private Map<String, SnapshotSource> snapshotSources() {
        Map<String, SnapshotSource> out = new LinkedHashMap<>();
        for (LaneConfig lc : config.lanes()) {
            if (lc.snapshot() != null) {
                try {
                    out.put(lc.lane().id(), "camera".equalsIgnoreCase(lc.snapshot().trim())
                            ? cameraModule.snapshotSource(lc.camera())
                            : SnapshotSources.fromConfig(lc.snapshot(), linkClock));
                } catch (IllegalArgumentException e) {
                    throw new ConfigException("lane." + lc.lane().id() + ".snapshot: " + e.getMessage());
                }
            }
        }
        return out;
    }

    /** 2.12 pictures go over HTTP: the simulator's side channel, or the configured cloud address. */
    private CarPictureUploader pictureUploader() throws IOException {
        if (tcpLink == null) {
            return null;
        }
        BoothConfig.Cloud c = config.cloud();
        URI base;
        if (simulator != null) {
            base = URI.create("http://127.0.0.1:" + simulator.startHttp() + "/");
        } else if (c.pictureUrl() != null) {
            base = URI.create(c.pictureUrl());
        } else {
            return null;
        }
        return new CarPictureUploader(base, new CloudCredentials(c.unionId(), c.parkId(), c.localId(), c.secret()),
                tcpLink::currentToken);
    }

    private synchronized void refreshStatus() {
        if (closing) {
            return; // the link's last status change while the booth stops: the store may be closed already
        }
        try {
            String cloud = link == null ? LinkStatus.STOPPED.name() : link.status().name();
            // outage: while the site database is down these come from memory (the last backlog, the lot index)
            long pending = outbox == null ? 0 : outage.whileUp(() -> (long) outbox.countUndelivered(),
                    () -> (long) status.get().outboxPending());
            int inLot = orders == null ? 0 : outage.orders(orders).countInLot();
            Map<String, Integer> byArea = spaces == null ? config.areas() : outage.freeByArea(spaces);
            outage.refreshCounts();
            int free = byArea.values().stream().mapToInt(Integer::intValue).sum();
            Map<String, BoothStatus.LaneDevices> devices = new LinkedHashMap<>();
            if (hardware != null && cameras != null) {
                for (LaneConfig lc : config.lanes()) {
                    LaneHardware.LaneDeviceHealth h = hardware.health(lc.lane().id());
                    devices.put(lc.lane().id(), new BoothStatus.LaneDevices(h.card().name(), h.gate().name(),
                            cameraModule.health(lc.camera()).orElseGet(() -> cameras.cameraHealth(lc.camera()))
                                    .name(), cameraModule.barrierPosition(lc.camera()))); // cam3: as the camera reports it
                }
            }
            if (staff != null && !outage.down()) {
                staff.service().refreshDuty();
            }
            status.set(new BoothStatus(cloud, (int) pending, inLot, free, byArea, operator(), devices));
            // the cards' remaining-space screen: on change, at most every 30 s (a lane card is busy with cars)
            java.time.Instant now = linkClock.instant();
            if (hardware != null && spaces != null && free != lastFreeShown
                    && (lastFreeShownAt == null || now.isAfter(lastFreeShownAt.plusSeconds(30)))) {
                lastFreeShown = free;
                lastFreeShownAt = now;
                hardware.showSpaces(byArea, config.laneAreas());
            }
        } catch (RuntimeException e) {
            LOG.warn("Could not refresh the booth status: {}", e.toString());
        }
    }

    private <T extends AutoCloseable> T push(T closeable) {
        stack.add(closeable);
        return closeable;
    }

    // ---- BoothContext -------------------------------------------------------------------------------------

    @Override
    public Messages messages() {
        return messages;
    }

    @Override
    public List<LaneController> lanes() {
        return List.copyOf(lanes.values());
    }

    @Override
    public Observable<BoothStatus> status() {
        return status;
    }

    @Override
    public Observable<LaneEcho> echo(String laneId) {
        return hardware.echo(laneId);
    }

    @Override
    public ImageStore images() {
        return images;
    }

    @Override
    public Clock clock() {
        return clock;
    }

    // ---- for the command line, the demo and tests ---------------------------------------------------------

    public BoothConfig config() {
        return config;
    }

    public LaneController lane(String id) {
        LaneController c = lanes.get(id);
        if (c == null) {
            throw new IllegalArgumentException("no lane " + id);
        }
        return c;
    }

    public JdbcOrderRepository orders() {
        return orders;
    }

    public JdbcGateEventLog gateEvents() {
        return gates;
    }

    public JdbcOutbox outbox() {
        return outbox;
    }

    public Database database() {
        return db;
    }

    @Override
    public JdbcParkSpaces spaces() {
        return spaces;
    }

    @Override
    public String operator() {
        String who = staff == null ? config.operator() : staff.operator().get();
        return who == null ? "" : who;
    }

    @Override
    public Path siteDir() {
        return config.dataDir();
    }

    @Override
    public List<UplinkRow> recentUplinks(int limit) {
        return outbox.recent(limit).stream().map(e -> new UplinkRow(e.id(), e.serviceName(), e.orderKey(),
                e.status().name(), e.attempts(), e.createdAt(), e.lastError())).toList();
    }

    /** Accounts, log-in, shifts, handover, supervisor confirmation. */
    public StaffModule staff() {
        return staff;
    }

    public JdbcVehicleLists lists() {
        return lists;
    }

    /** Entry and exit pictures queued for the 2.12 upload. */
    public PictureUploads pictures() {
        return pictures;
    }

    /** Booth-side list changes (each uploaded through the outbox). */
    public ListAdmin listAdmin() {
        return listAdmin;
    }

    /** Where downlinks go; tests and the simulator push through the real link, this routes them. */
    public com.boothdesk.app.cloud.ProtocolModule protocol() {
        return protocol;
    }

    public DownlinkRouter downlinks() {
        return router;
    }

    /** Cash receipts at the exit (kept, printed always or on request, reprinted from the order). */
    public com.boothdesk.app.report.ExitReceipts receipts() {
        return receipts;
    }

    /** The lanes' tariff schedule (the back office applies an edited tariff through it). */
    public com.boothdesk.app.settings.LiveTariffs liveTariffs() {
        return liveTariffs;
    }

    /** Backups (back up now), disk space: for the About box and the alerts. */
    public com.boothdesk.app.ops.OpsModule ops() {
        return ops;
    }

    /** outage: the site database's state as this booth sees it, the journal, the replay's conflicts. */
    public com.boothdesk.app.site.outage.OutageModule outage() {
        return outage;
    }

    /** pay: exit payments, pay codes, smart screens, the payment records. */
    public com.boothdesk.app.payment.PaymentModule payments() {
        return payments;
    }

    /** cam3: the no-plate scan-in codes of the entry lanes that show one on their LED. */
    public Optional<com.boothdesk.app.hardware.camera.EntryScanInCode> scanInCodes() {
        return Optional.ofNullable(scanIn);
    }

    public LaneHardware hardware() {
        return hardware;
    }

    public int cameraPort() {
        return cameras.port();
    }

    /** The lane cameras of the other brands (Zhenshi TCP, Hikvision, Dahua, Huaxia). */
    public CameraModule cameraModule() {
        return cameraModule;
    }

    /** The camera pushes' endpoint (health of configured cameras, count of unknown ones). */
    public CameraIntake cameraIntake() {
        return cameras;
    }

    public Optional<CloudSimulator> cloudSimulator() {
        return Optional.ofNullable(simulator);
    }

    public Optional<CloudLink> cloudLink() {
        return Optional.ofNullable(link);
    }

    @Override
    public void close() {
        closing = true;
        for (int i = stack.size() - 1; i >= 0; i--) {
            try {
                stack.get(i).close();
            } catch (Exception e) {
                LOG.warn("Error while stopping: {}", e.toString());
            }
        }
        stack.clear();
        LOG.info("BoothDesk stopped");
    }
}
