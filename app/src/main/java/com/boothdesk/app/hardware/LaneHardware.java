package com.boothdesk.app.hardware;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.boothdesk.app.LaneEcho;
import com.boothdesk.app.common.Observable;
import com.boothdesk.app.config.LaneConfig;
import com.boothdesk.app.domain.lane.LaneInfo;
import com.boothdesk.app.domain.gate.BarrierAction;
import com.boothdesk.app.domain.gate.GateOutcome;
import com.boothdesk.app.domain.lane.LaneSignals;
import java.util.concurrent.CompletableFuture;
import com.boothdesk.devices.card.CommandOutcome;
import com.boothdesk.devices.camera.PlateSource;
import com.boothdesk.devices.card.LaneCard;
import com.boothdesk.devices.gate.GateController;
import com.boothdesk.devices.gate.GateRoute;
import com.boothdesk.devices.gate.Gates;
import com.boothdesk.devices.health.DeviceHealth;
import com.boothdesk.devices.serial.JSerialCommLink;
import com.boothdesk.devices.serial.SerialException;
import com.boothdesk.devices.serial.SerialLink;
import com.boothdesk.devices.serial.SerialSettings;
import com.boothdesk.devices.sim.PtyPair;
import com.boothdesk.devices.sim.SimulatedLaneCard;

/**
 * The LED / voice / gate card of every lane. A lane configured with {@code card.port=sim} gets a simulated card
 * on the far end of a pseudo-terminal pair, so its commands still travel as real bytes through a real serial
 * driver. Each card driver owns its thread; calls here never block the caller.
 */
public final class LaneHardware implements LaneSignals, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LaneHardware.class);

    private final Clock clock;
    private final Path ptyDir;
    private final Map<String, Lane> lanes = new LinkedHashMap<>();
    private final List<AutoCloseable> closeables = new ArrayList<>();
    private volatile PushReplies replies;
    /** What each lane was last told to say: a screen without a voice line must not echo the previous car's. */
    private final Map<String, String> voices = new java.util.concurrent.ConcurrentHashMap<>();

    private LaneHardware(Clock clock, Path ptyDir) {
        this.clock = clock;
        this.ptyDir = ptyDir;
    }

    /** Opens every lane's card. A card that cannot be opened is logged and reported, never fatal. */
    public static LaneHardware open(List<LaneConfig> configs, Clock clock, Path workDir, PlateSource cameras) {
        LaneHardware hw = new LaneHardware(clock, workDir.resolve("pty"));
        for (LaneConfig c : configs) {
            // card.via=camera: the camera adapter offers the card's line through its RS485 port
            Lane lane = cameras == null ? null : cameras.cardLinkFor(c.camera()).map(l -> hw.cardViaCamera(c, l))
                    .orElse(null);
            lane = lane != null ? lane : hw.openLane(c);
            hw.lanes.put(c.lane().id(), lane.withGate(hw.gateFor(c, lane.card(), cameras)));
        }
        return hw;
    }

    /** The barrier route the lane is configured for; null (logged) when it cannot work. */
    private GateController gateFor(LaneConfig c, LaneCard card, PlateSource cameras) {
        GateRoute route = c.gate() == LaneConfig.GateRoute.CAMERA ? GateRoute.CAMERA_RELAY : GateRoute.CARD_RELAY;
        try {
            return Gates.create(route, card, cameras, c.camera(), clock);
        } catch (IllegalArgumentException e) {
            LOG.error("Lane {}: no barrier control: {}", c.lane().id(), e.getMessage());
            return null;
        }
    }

    /** The lane card behind the camera: no ACK waits unless the camera relays the card's answers. */
    private Lane cardViaCamera(LaneConfig c, SerialLink link) {
        // cam3: the ACK comes back through the camera where it relays the card's answers, within the line's wait
        java.util.Optional<java.time.Duration> ackWait = link instanceof com.boothdesk.devices.camera.common
                .CameraCardLine l ? l.ackWait() : java.util.Optional.empty();
        LaneCard card = new LaneCard(link, c.cardAddress(), clock,
                com.boothdesk.devices.card.LaneCardOptions.DEFAULTS.withExpectAck(ackWait.isPresent())
                        .withAckTimeout(ackWait.orElse(java.time.Duration.ofMillis(300))));
        closeables.add(card);
        LOG.info("Lane {}: LED/voice card at address {} behind the camera ({})", c.lane().id(), c.cardAddress(),
                link.name());
        return new Lane(c, card, null, null, new Observable<>(LaneEcho.EMPTY), null);
    }

    private Lane openLane(LaneConfig c) {
        String id = c.lane().id();
        Observable<LaneEcho> echo = new Observable<>(LaneEcho.EMPTY);
        SimulatedLaneCard sim = null;
        SerialLink far = null;
        String portPath = c.cardPort();
        try {
            if (c.simulatedCard()) {
                Files.createDirectories(ptyDir);
                PtyPair pty = PtyPair.open(Files.createTempDirectory(ptyDir, id + "-"));
                closeables.add(pty);
                portPath = pty.endA().toString();
                far = new JSerialCommLink(new SerialSettings(pty.endB().toString(), c.cardBaud(),
                        SerialSettings.Parity.NONE, 8, 1));
                // perf2: the card's side of the pty carries bytes at the configured baud rate (sim.PacedLine), so a
                // simulated lane's gate frame waits on the wire as on RS485; -Dboothdesk.sim.line=fast: memory speed
                sim = new SimulatedLaneCard("fast".equals(System.getProperty("boothdesk.sim.line")) ? far
                        : new com.boothdesk.devices.sim.PacedLine(far, c.cardBaud()), c.cardAddress());
                SimulatedLaneCard s = sim;
                sim.addListener(event -> echo.set(new LaneEcho(s.displayLines(), voices.getOrDefault(id,
                        s.lastVoice()))));
                sim.start();
                closeables.add(sim);
                LOG.info("Lane {}: simulated LED/gate card on {} <-> {}", id, pty.endA(), pty.endB());
            }
            JSerialCommLink link = new JSerialCommLink(new SerialSettings(portPath, c.cardBaud(),
                    SerialSettings.Parity.valueOf(c.cardParity().name()), 8, 1));
            closeables.add(link); // the card driver does not own its line: closed after it (no reconnect loop at stop)
            if (c.simulatedCard()) {
                link.open();
            } else {
                // a USB-RS485 adapter may be plugged in after the booth starts: keep trying, report the state
                link.openInBackground();
            }
            LaneCard card = new LaneCard(link, c.cardAddress(), clock,
                    com.boothdesk.devices.card.LaneCardOptions.DEFAULTS.withBaudRate(c.cardBaud())); // perf2: the line's wire time
            closeables.add(card);
            LOG.info("Lane {}: LED/gate card at address {} on {}", id, c.cardAddress(), portPath);
            return new Lane(c, card, sim, far, echo, null);
        } catch (IOException | SerialException | RuntimeException e) {
            LOG.error("Lane {}: cannot open the LED/gate card on '{}': {}. The lane runs without it.", id,
                    portPath, e.toString());
            return new Lane(c, null, sim, far, echo, null);
        }
    }

    /** Camera-relay lanes answer the camera's push itself with the open (see {@link PushReplies}). */
    public void replyThrough(PushReplies pushReplies) {
        this.replies = pushReplies;
    }

    /**
     * Moves the barrier and completes with what the device confirmed: the card's ACK (or its failure: dropped stale,
     * no ACK, NACK), or for a camera-relay gate the open handed to the camera in the reply to its push (else queued
     * for its next request and SENT or DROPPED_STALE). The camera relay cannot lower or hold the barrier.
     */
    @Override
    public CompletableFuture<GateOutcome> move(LaneInfo lane, BarrierAction action) {
        Lane l = lanes.get(lane.id());
        if (l == null || l.gate() == null) {
            LOG.error("Lane {}: barrier {} NOT sent, no barrier control is connected", lane.id(), action);
            return CompletableFuture.completedFuture(GateOutcome.failed("no barrier control is connected"));
        }
        GateController g = l.gate();
        if (action == BarrierAction.OPEN && g.route() == GateRoute.CAMERA_RELAY) {
            PushReplies r = replies;
            CompletableFuture<Boolean> written = r == null ? null : r.offerOpen(lane.id());
            if (written != null) {
                return written.thenApply(sent -> sent ? GateOutcome.sent("开闸随本次识别推送的回复写给相机")
                        : GateOutcome.failed("回复未能写给相机 (connection broke)"));
            }
        }
        CompletableFuture<CommandOutcome> f = switch (action) {
            case OPEN -> g.open();
            case CLOSE -> g.close();
            case KEEP_OPEN -> g.keepOpen(true);
            case RELEASE_KEEP_OPEN -> g.keepOpen(false);
        };
        return f.handle((outcome, error) -> {
            report(lane, "gate " + action, outcome, error);
            GateOutcome result = outcome(outcome, error);
            if (action == BarrierAction.OPEN) {
                if (error == null && outcome.status() == CommandOutcome.Status.THROTTLED) {
                    // the driver skipped a second open within its throttle window: the barrier is up exactly when
                    // the open before it was confirmed (or handed to the camera) - say that, not "failed"
                    GateOutcome previous = lastOpen.get(lane.id());
                    if (previous != null && previous.result() != GateOutcome.Result.FAILED
                            && previous.result() != GateOutcome.Result.UNSUPPORTED) {
                        return new GateOutcome(previous.result(), "道闸刚已抬起 (" + previous.detail() + "); "
                                + result.detail());
                    }
                    return result;
                }
                lastOpen.put(lane.id(), result);
            }
            return result;
        });
    }

    /** The last open sent per configured lane, for an open the driver throttles right after it. */
    private final Map<String, GateOutcome> lastOpen = new java.util.concurrent.ConcurrentHashMap<>();

    static GateOutcome outcome(CommandOutcome o, Throwable error) {
        if (error != null) {
            return GateOutcome.failed(error.toString());
        }
        String detail = o.status() + (o.detail() == null || o.detail().isEmpty() ? "" : " " + o.detail());
        return switch (o.status()) {
            case ACKED -> GateOutcome.confirmed(detail);
            case SENT -> GateOutcome.sent(detail);
            // not sent: the previous open was under a second ago, and whether that one moved is not known here
            case REJECTED -> GateOutcome.unsupported(detail);
            default -> GateOutcome.failed(detail);
        };
    }

    @Override
    public void openGate(LaneInfo lane) {
        Lane l = lanes.get(lane.id());
        if (l == null || l.gate() == null) {
            LOG.error("Lane {}: gate NOT opened, no barrier control is connected", lane.id());
            return;
        }
        l.gate().open().whenComplete((outcome, error) -> report(lane, "gate open", outcome, error));
    }

    @Override
    public void closeGate(LaneInfo lane) {
        Lane l = lanes.get(lane.id());
        if (l == null || l.gate() == null) {
            LOG.error("Lane {}: gate NOT closed, no barrier control is connected", lane.id());
            return;
        }
        l.gate().close().whenComplete((outcome, error) -> report(lane, "gate close", outcome, error));
    }

    /** The lane's LED/voice card and barrier health, as the booth screen shows them. */
    public LaneDeviceHealth health(String laneId) {
        Lane l = lanes.get(laneId);
        if (l == null) {
            return new LaneDeviceHealth(DeviceHealth.UNKNOWN, DeviceHealth.UNKNOWN);
        }
        DeviceHealth card = l.card() == null ? DeviceHealth.OFFLINE : l.card().health().health();
        DeviceHealth gate = l.gate() == null ? DeviceHealth.OFFLINE : l.gate().health().health();
        return new LaneDeviceHealth(card, gate);
    }

    /** Health of a lane's card and barrier. */
    public record LaneDeviceHealth(DeviceHealth card, DeviceHealth gate) {
    }

    @Override
    public void announce(LaneInfo lane, List<String> lines, String voice) {
        Lane l = lanes.get(lane.id());
        if (l == null) {
            LOG.error("No hardware for lane {}", lane.id());
            return;
        }
        voices.put(lane.id(), voice == null ? "" : voice);
        if (l.sim() == null) {
            // a real card cannot be read back: the screen shows what was sent
            l.echo().set(new LaneEcho(lines, voice));
        }
        if (l.card() == null) {
            LOG.warn("Lane {}: LED/voice not sent, no card is connected", lane.id());
            return;
        }
        l.card().showAndSayAsync(lines, voice == null ? "" : voice)
                .whenComplete((outcome, error) -> report(lane, "LED/voice", outcome, error));
    }

    private static void report(LaneInfo lane, String what, CommandOutcome outcome, Throwable error) {
        if (error != null) {
            LOG.error("Lane {}: {} failed: {}", lane.id(), what, error.toString());
        } else if (!outcome.delivered()) {
            LOG.warn("Lane {}: {} not delivered: {} {}", lane.id(), what, outcome.status(), outcome.detail());
        }
    }

    /** Shows the remaining spaces of its area (0xE3 screen) on every entry lane's card. */
    public void showSpaces(Map<String, Integer> freeByArea, Map<String, String> laneAreas) {
        for (Lane l : lanes.values()) {
            if (l.card() != null && l.config().lane().direction() == com.boothdesk.app.domain.lane.LaneDirection.ENTRY) {
                int free = freeByArea.getOrDefault(laneAreas.get(l.config().lane().id()), 0);
                l.card().showRemainingSpacesAsync(free)
                        .whenComplete((outcome, error) -> report(l.config().lane(), "spaces", outcome, error));
            }
        }
    }

    /**
     * pay: the exit pay code on the lane card's QR screen. {@code mode} {@code string}: 0xE1, the card renders the
     * code itself; {@code bitmap}: 0xE5, the QR drawn here (version 3 for a two-line card, 7 for a four-line one) and
     * sent as a bitmap; a code too long for the card is logged and the card keeps its fee text.
     */
    public void showPayCode(String laneId, String mode, boolean fourLines, String code, String text, long amountFen,
                            long parkedSeconds) {
        Lane l = lanes.get(laneId);
        if (l == null || l.card() == null || code == null || "none".equals(mode)) {
            return;
        }
        LaneInfo lane = l.config().lane();
        if ("bitmap".equals(mode)) {
            java.util.Optional<boolean[][]> m = com.boothdesk.app.payment.QrCodes.forCard(code, fourLines);
            if (m.isEmpty()) {
                LOG.warn("Lane {}: the pay code ({} characters) does not fit the card's {} QR; fee text kept",
                        laneId, code.length(), fourLines ? "45x45" : "29x29");
                return;
            }
            l.card().showQrBitmapAsync(m.get(), text, false)
                    .whenComplete((outcome, error) -> report(lane, "QR screen", outcome, error));
            return;
        }
        try {
            l.card().showQrPaymentAsync(code, text, amountFen, parkedSeconds, false)
                    .whenComplete((outcome, error) -> report(lane, "QR screen", outcome, error));
        } catch (IllegalArgumentException e) {
            LOG.warn("Lane {}: the pay code does not fit the card's QR screen: {}; fee text kept", laneId,
                    e.getMessage());
        }
    }

    /** What the lane's LED shows and its voice said. */
    public Observable<LaneEcho> echo(String laneId) {
        Lane l = lanes.get(laneId);
        return l == null ? new Observable<>(LaneEcho.EMPTY) : l.echo();
    }

    /** The simulated card of a lane configured with {@code card.port=sim}. */
    public Optional<SimulatedLaneCard> simulatedCard(String laneId) {
        Lane l = lanes.get(laneId);
        return l == null ? Optional.empty() : Optional.ofNullable(l.sim());
    }

    /** The lane's card driver, when its port could be opened. */
    public Optional<LaneCard> card(String laneId) {
        Lane l = lanes.get(laneId);
        return l == null ? Optional.empty() : Optional.ofNullable(l.card());
    }

    /** The simulated card's end of the serial line: bytes written here reach the booth's card driver. */
    public Optional<SerialLink> simulatorLine(String laneId) {
        Lane l = lanes.get(laneId);
        return l == null ? Optional.empty() : Optional.ofNullable(l.simulatorLine());
    }

    @Override
    public void close() {
        for (int i = closeables.size() - 1; i >= 0; i--) {
            try {
                closeables.get(i).close();
            } catch (Exception e) {
                LOG.warn("Closing lane hardware: {}", e.toString());
            }
        }
        closeables.clear();
    }

    private record Lane(LaneConfig config, LaneCard card, SimulatedLaneCard sim, SerialLink simulatorLine,
                        Observable<LaneEcho> echo, GateController gate) {

        Lane withGate(GateController g) {
            return new Lane(config, card, sim, simulatorLine, echo, g);
        }
    }
}
