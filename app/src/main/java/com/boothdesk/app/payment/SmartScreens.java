package com.boothdesk.app.payment;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.boothdesk.app.common.Observable;
import com.boothdesk.app.domain.fee.Fen;
import com.boothdesk.app.domain.lane.LaneController;
import com.boothdesk.app.domain.lane.LaneDirection;
import com.boothdesk.app.domain.lane.LanePhase;
import com.boothdesk.app.domain.lane.LaneState;
import com.boothdesk.app.domain.order.CarKind;
import com.boothdesk.app.domain.order.ParkingOrder;
import com.boothdesk.sdk.link.CloudLink;
import com.boothdesk.sdk.link.LinkStatus;
import com.boothdesk.sdk.wire.WireCodec;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The smart screens (智慧屏, section 7) of the exits configured with {@code lane.<id>.smart_screen=true}: after each
 * login 7.1 screen_info asks the cloud for the screen's address and 7.2 init_screen connects it; 7.3 {@code out}
 * shows the exit's page: 1 monthly car, 2 nothing to pay, 3 paid, 4 the amount due with the pay code. Every page goes
 * back to the screen's home page after {@code payment.screen.home_seconds}, and a page 4 as soon as its car is gone
 * unpaid, so that no driver scans a stale code (the notes' advice): the booth sends init_screen again, which is the
 * only documented way to reset a screen (INFERRED: section 7 documents no "home" message).
 *
 * <p>Pictures (out_pic / in_pic, base64) are not sent: the TCP line carries at most 1,024 bytes per message.
 */
public final class SmartScreens implements ExitPayments.CodeSink {

    private static final Logger LOG = LoggerFactory.getLogger(SmartScreens.class);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    /** What a lane's screen shows now (for the panel and tests). */
    public record Page(int type, String plate, String orderId, Instant shownAt, Instant homeAt) {
        public static final int HOME = 0;
    }

    private final Map<String, LaneController> lanes = new LinkedHashMap<>();
    private final PaymentSettings settings;
    private final CloudLink link;
    private final Clock clock;
    private final Map<String, String> deviceIps = new ConcurrentHashMap<>();
    private final Map<String, Observable<Page>> pages = new ConcurrentHashMap<>();

    public SmartScreens(Map<String, LaneController> all, PaymentSettings settings, CloudLink link, Clock clock,
                        ExitPayments exits) {
        this.settings = settings;
        this.link = link;
        this.clock = clock;
        for (LaneController c : all.values()) {
            if (c.lane().direction() == LaneDirection.EXIT && settings.smartScreen(c.lane().id())) {
                lanes.put(c.lane().id(), c);
                pages.put(c.lane().id(), new Observable<>(new Page(Page.HOME, null, null, clock.instant(), null)));
            }
        }
    }

    CloudLink link() {
        return link;
    }

    /** Lanes with a smart screen. */
    public List<String> lanes() {
        return List.copyOf(lanes.keySet());
    }

    public Observable<Page> page(String laneId) {
        Observable<Page> p = pages.get(laneId);
        if (p == null) {
            throw new IllegalArgumentException("lane " + laneId + " has no smart screen");
        }
        return p;
    }

    void start() {
        for (LaneController c : lanes.values()) {
            c.state().subscribe(s -> onLane(c.lane().id(), s));
        }
    }

    /** 7.1 then 7.2 for every screen (after each login). */
    void connect() {
        if (!online()) {
            return;
        }
        for (String lane : lanes.keySet()) {
            ObjectNode q = WireCodec.MAPPER.createObjectNode();
            q.put("service_name", "screen_info");
            q.put("data_target", "cloud");
            q.put("channel_id", lane);
            link.send(q).whenComplete((r, e) -> {
                if (e != null || r == null || r.path("state").asInt(0) != 1 || r.path("device_ip").asText("").isEmpty()) {
                    LOG.warn("7.1 screen_info for lane {}: no smart screen address ({})", lane,
                            e != null ? e.toString() : r == null ? "no answer" : r.path("errmsg").asText(""));
                    return;
                }
                deviceIps.put(lane, r.path("device_ip").asText());
                home(lane, "7.2 init");
            });
        }
    }

    private boolean online() {
        return link != null && link.status() == LinkStatus.LOGGED_IN;
    }

    /** 7.2 init_screen: connects the screen; the screen then shows its home page. */
    private void home(String lane, String why) {
        String ip = deviceIps.get(lane);
        if (ip == null || !online()) {
            return;
        }
        ObjectNode q = WireCodec.MAPPER.createObjectNode();
        q.put("service_name", "init_screen");
        q.put("data_target", "wisdom_screen");
        q.put("device_ip", ip);
        q.put("channel_id", lane);
        link.send(q).whenComplete((r, e) -> {
            if (e != null || r == null || r.path("state").asInt(0) != 1) {
                LOG.warn("7.2 init_screen for lane {} ({}) failed: {}", lane, why, e != null ? e.toString() : r);
                return;
            }
            pages.get(lane).set(new Page(Page.HOME, null, null, clock.instant(), null));
            LOG.debug("lane {} smart screen at home ({})", lane, why);
        });
    }

    /** Pages of the payment: 4 while the code is shown, 3 once paid. */
    @Override
    public void show(String laneId, PayState s) {
        if (!lanes.containsKey(laneId)) {
            return;
        }
        if (s.phase() == PayState.Phase.WAITING && s.code() != null && !"pay.polling".equals(s.messageKey())) {
            var w = lanes.get(laneId).waitingToPay();
            if (w.isEmpty() || !w.get().order().orderId().equals(s.orderId())) {
                return;
            }
            ParkingOrder o = w.get().order();
            ObjectNode p = out(laneId, 4, o.plate());
            p.put("total", Fen.format(w.get().quote().grossFen()));
            p.put("price", Fen.format(s.amountFen()));
            p.put("reduce_amount", Fen.format(w.get().quote().discountFen()) + "元");
            p.put("in_time", TIME.format(o.inTime().atZone(zone())));
            p.put("duration", Long.toString(w.get().quote().stayMinutes()));
            p.put("code", s.code());
            p.put("prepay", Fen.format(o.prepaidFen()));
            p.put("tts", "请扫码缴费" + Fen.format(s.amountFen()) + "元");
            send(laneId, p, 4, o.plate(), o.orderId(), null);
        } else if (s.phase() == PayState.Phase.PAID) {
            ObjectNode p = out(laneId, 3, s.plate());
            p.put("total", Fen.format(s.amountFen()));
            p.put("tts", "缴费成功,一路顺风");
            send(laneId, p, 3, s.plate(), s.orderId(), clock.instant().plus(settings.screenHome()));
        }
    }

    private void onLane(String laneId, LaneState s) {
        Page cur = pages.get(laneId).get();
        if (s.phase() == LanePhase.RELEASED && s.order() != null && !s.order().orderId().equals(cur.orderId())) {
            boolean monthly = s.kind() == CarKind.MONTHLY || s.order().kind() == CarKind.MONTHLY;
            ObjectNode p = out(laneId, monthly ? 1 : 2, s.order().plate());
            p.put("tts", monthly ? "月卡车,一路顺风" : "一路顺风");
            send(laneId, p, monthly ? 1 : 2, s.order().plate(), s.order().orderId(),
                    clock.instant().plus(settings.screenHome()));
        } else if (cur.type() == 4 && (s.phase() != LanePhase.AWAITING_PAYMENT || s.order() == null
                || !s.order().orderId().equals(cur.orderId())) && s.phase() != LanePhase.RELEASED) {
            // the car of the code is gone unpaid (refused, replaced): the code must not stay on the screen
            pages.get(laneId).set(new Page(4, cur.plate(), cur.orderId(), cur.shownAt(), clock.instant()));
        }
    }

    /** Sends screens home whose page is due back (the module's timer, every second). */
    void tick() {
        Instant now = clock.instant();
        for (var e : pages.entrySet()) {
            Page p = e.getValue().get();
            if (p.type() != Page.HOME && p.homeAt() != null && !now.isBefore(p.homeAt())) {
                e.getValue().set(new Page(p.type(), p.plate(), p.orderId(), p.shownAt(), null));
                home(e.getKey(), "page " + p.type() + " timed out");
            }
        }
    }

    private ObjectNode out(String laneId, int type, String plate) {
        ObjectNode p = WireCodec.MAPPER.createObjectNode();
        p.put("service_name", "out");
        p.put("data_target", "wisdom_screen");
        p.put("channel_id", laneId);
        p.put("type", type);
        p.put("car_number", plate == null ? "" : plate);
        p.put("state", 1);
        return p;
    }

    private void send(String laneId, ObjectNode page, int type, String plate, String orderId, Instant homeAt) {
        if (deviceIps.get(laneId) == null || !online()) {
            LOG.debug("lane {}: smart screen not connected; page {} not shown", laneId, type);
            return;
        }
        pages.get(laneId).set(new Page(type, plate, orderId, clock.instant(), homeAt));
        link.send(page).whenComplete((r, e) -> {
            if (e != null || r == null || r.path("state").asInt(0) != 1) {
                LOG.warn("7.3 out page {} for lane {} not shown: {}", type, laneId, e != null ? e.toString() : r);
            }
        });
    }

    private ZoneId zone() {
        return clock.getZone();
    }

    static Duration home(PaymentSettings s) {
        return s.screenHome();
    }
}
