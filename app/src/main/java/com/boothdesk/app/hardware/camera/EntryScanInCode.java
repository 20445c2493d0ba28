package com.boothdesk.app.hardware.camera;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.boothdesk.app.common.Observable;
import com.boothdesk.app.common.Threads;
import com.boothdesk.app.config.ConfigException;
import com.boothdesk.app.domain.lane.LaneController;
import com.boothdesk.app.domain.lane.LaneDirection;
import com.boothdesk.app.domain.lane.LanePhase;
import com.boothdesk.app.domain.lane.LaneState;
import com.boothdesk.app.domain.order.CarKind;
import com.boothdesk.app.hardware.LaneHardware;
import com.boothdesk.sdk.link.CloudLink;
import com.boothdesk.sdk.link.LinkStatus;
import com.boothdesk.sdk.wire.WireCodec;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The no-plate car's scan-in code on the entry lane's LED card (issue 14; the protocol's 3.3 scan-in): when a car
 * without a plate waits at an entry, the card's QR screen (0xE1, or 0xE5 drawn here, as {@code lane.<id>.card.qr}
 * says) shows the lane's 无牌车入场码, which the driver scans; the cloud then lets the car in with 3.3
 * {@code nolicence_in_park}. The code is the lane's 2.18 {@code code_url} of type 3, asked after every login, or
 * {@code lane.<id>.scan_in_code} where the site has a fixed one (that one wins and needs no cloud). Only entry lanes
 * with {@code card.qr} other than {@code none} take part; the card's frames go wherever the lane's card is (the booth's
 * RS485 adapter or the camera's RS485 port).
 */
public final class EntryScanInCode implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EntryScanInCode.class);
    /** What the card shows under the code. */
    public static final String TEXT = "无牌车请扫码入场";
    /** 2.18 type of the no-plate entry code. */
    static final int CODE_TYPE_SCAN_IN = 3;

    private final LaneHardware hardware;
    private final CloudLink link;
    private final Map<String, Lane> lanes = new ConcurrentHashMap<>();
    private final List<Observable.Subscription> subscriptions = new ArrayList<>();
    private final ExecutorService worker = Threads.single("scan-in-code");

    private record Lane(String id, String mode, boolean fourLines, String fixedCode) {
    }

    private final Map<String, String> codes = new ConcurrentHashMap<>();
    /** The read the code was last shown for, per lane: once per car. */
    private final Map<String, Object> shownFor = new ConcurrentHashMap<>();

    private EntryScanInCode(LaneHardware hardware, CloudLink link) {
        this.hardware = Objects.requireNonNull(hardware, "hardware");
        this.link = link;
    }

    /**
     * Follows the entry lanes that show the code; null when none does (nothing to start).
     *
     * @param link the cloud link for 2.18 (null: only fixed codes)
     */
    public static EntryScanInCode start(Map<String, String> keys, List<LaneController> controllers,
                                        LaneHardware hardware, CloudLink link) {
        if (hardware == null) {
            return null;
        }
        EntryScanInCode m = new EntryScanInCode(hardware, link);
        for (LaneController c : controllers) {
            if (c.lane().direction() != LaneDirection.ENTRY) {
                continue;
            }
            String id = c.lane().id();
            String mode = keys.getOrDefault("lane." + id + ".card.qr", "none").trim().toLowerCase(Locale.ROOT);
            if (!mode.equals("none") && !mode.equals("string") && !mode.equals("bitmap")) {
                throw new ConfigException("lane." + id + ".card.qr: 'none', 'string' or 'bitmap', not '" + mode + "'");
            }
            if (mode.equals("none")) {
                continue;
            }
            String fixed = keys.getOrDefault("lane." + id + ".scan_in_code", "").trim();
            if (fixed.length() > 512) {
                throw new ConfigException("lane." + id + ".scan_in_code: at most 512 characters");
            }
            Lane lane = new Lane(id, mode, "4".equals(keys.getOrDefault("lane." + id + ".card.lines", "2").trim()),
                    fixed.isEmpty() ? null : fixed);
            m.lanes.put(id, lane);
            if (lane.fixedCode() != null) {
                m.codes.put(id, lane.fixedCode());
            }
            m.subscriptions.add(c.state().subscribe(s -> m.onState(lane, s)));
        }
        if (m.lanes.isEmpty()) {
            m.close();
            return null;
        }
        if (link != null) {
            link.addStatusListener(st -> {
                if (st == LinkStatus.LOGGED_IN) {
                    m.worker.execute(m::askCodes);
                }
            });
            if (link.status() == LinkStatus.LOGGED_IN) {
                m.worker.execute(m::askCodes);
            }
        }
        LOG.info("No-plate scan-in code on the LED of entry lane(s) {}", m.lanes.keySet());
        return m;
    }

    /** The scan-in code the lane shows, once known. */
    public Optional<String> code(String laneId) {
        return Optional.ofNullable(codes.get(laneId));
    }

    private void askCodes() {
        for (Lane l : lanes.values()) {
            if (l.fixedCode() != null) {
                continue;
            }
            ObjectNode q = WireCodec.MAPPER.createObjectNode();
            q.put("service_name", "code_url");
            q.put("data_target", "bolink");
            q.put("type", CODE_TYPE_SCAN_IN);
            q.put("channel_id", l.id());
            link.send(q).whenComplete((r, e) -> {
                String url = r == null ? null : r.path("code_url").asText("").trim();
                if (e != null || r.path("state").asInt(0) != 1 || url.isEmpty() || url.length() > 512) {
                    LOG.warn("2.18 code_url type 3 (scan-in) for lane {} not given: {}", l.id(),
                            e != null ? e.toString() : com.boothdesk.app.domain.plate.SafeText.of(String.valueOf(r), 200));
                    return;
                }
                codes.put(l.id(), url);
                LOG.info("2.18: lane {} scan-in code received", l.id());
            });
        }
    }

    /** A no-plate car waits at the entry for the attendant: its driver may scan in instead. */
    private void onState(Lane l, LaneState s) {
        boolean noPlateWaits = s.phase() == LanePhase.AWAITING_CONFIRMATION && s.kind() == CarKind.NO_PLATE
                && s.lastRead() != null && s.lastRead().plate().isEmpty();
        if (!noPlateWaits) {
            if (s.phase() != LanePhase.AWAITING_CONFIRMATION) {
                shownFor.remove(l.id());
            }
            return;
        }
        Object key = s.lastRead();
        if (key.equals(shownFor.put(l.id(), key))) {
            return;
        }
        String code = codes.get(l.id());
        if (code == null) {
            LOG.info("Lane {}: no-plate car waits; no scan-in code known yet (2.18 not answered, no "
                    + "lane.{}.scan_in_code)", l.id(), l.id());
            return;
        }
        worker.execute(() -> hardware.showPayCode(l.id(), l.mode(), l.fourLines(), code, TEXT, 0, 0));
    }

    @Override
    public void close() {
        subscriptions.forEach(Observable.Subscription::close);
        subscriptions.clear();
        Threads.shutdown(worker);
    }
}
