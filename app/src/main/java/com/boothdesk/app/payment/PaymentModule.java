package com.boothdesk.app.payment;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.boothdesk.app.BoothApp;
import com.boothdesk.app.common.Threads;
import com.boothdesk.app.domain.fee.Fen;
import com.boothdesk.app.domain.lane.LaneController;
import com.boothdesk.app.hardware.LaneHardware;
import com.boothdesk.sdk.link.CloudLink;
import com.boothdesk.sdk.link.LinkStatus;
import com.boothdesk.sdk.poll.PaymentStatusPoller;
import com.boothdesk.sdk.wire.WireCodec;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The payment half of the booth, wired from the composition root with one call: the exit payments (pay codes, the
 * poll's progress, booth pay-codes, 3.4), the payment downlinks, the LED card's QR screen and the smart screens, and a
 * timer that renews one-minute pay codes and sends smart screens home.
 */
public final class PaymentModule implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PaymentModule.class);

    private final PaymentStore store;
    private final ExitPayments exits;
    private final PaymentSettings settings;
    private final SmartScreens screens;
    private final ScheduledExecutorService timer;

    private PaymentModule(PaymentStore store, ExitPayments exits, PaymentSettings settings, SmartScreens screens,
                          ScheduledExecutorService timer) {
        this.store = store;
        this.exits = exits;
        this.settings = settings;
        this.screens = screens;
        this.timer = timer;
    }

    /**
     * Starts it on the running parts of {@code app}; {@code on} registers a downlink handler with the router.
     *
     * @param poller the 2.19 poll (null without a cloud link)
     */
    public static PaymentModule start(BoothApp app, PaymentStatusPoller poller,
                                      com.boothdesk.app.cloud.DownlinkRouter router) {
        PaymentSettings settings = PaymentSettings.from(app.config().keys());
        PaymentStore store = new PaymentStore(app.database());
        Map<String, LaneController> lanes = new LinkedHashMap<>();
        app.lanes().forEach(l -> lanes.put(l.lane().id(), l));
        CloudLink link = app.cloudLink().orElse(null);
        // outage: the payments' prepayments and exits are journaled while the site database is down
        com.boothdesk.app.domain.order.OrderRepository orders = app.outage().orders(app.orders());
        // and the attendant on duty is the last one read while it is down (a 3.4 result is recorded, not refused)
        java.util.function.Supplier<String> operator = app.outage().operator(app::operator);
        ExitPayments exits = new ExitPayments(lanes, orders, store, settings, app.clock(), link, app.outbox(),
                operator, app.config().boothId());
        LaneHardware hw = app.hardware();
        if (hw != null) {
            exits.addSink((laneId, s) -> {
                if (s.phase() == PayState.Phase.WAITING && !"pay.polling".equals(s.messageKey())) {
                    hw.showPayCode(laneId, settings.cardQr(laneId), settings.fourLineCard(laneId), s.code(),
                            "请扫码缴费 " + Fen.format(s.amountFen()) + "元", s.amountFen(), 0);
                }
            });
        }
        SmartScreens screens = new SmartScreens(lanes, settings, link, app.clock(), exits);
        exits.addSink(screens);
        if (poller != null) {
            poller.addProgress(exits);
        }
        PaymentDownlinks downlinks = new PaymentDownlinks(exits, store, orders, lanes, app.spaces(), app.clock(),
                operator);
        downlinks.register(router);
        downlinks.followLanes(); // proto4: 3.44 fixed charges waiting for their car
        // proto4, 2.44: who is on duty decides whether a car may leave to pay later; the cloud's answer is kept
        exits.roleOnDuty(() -> app.staff().service().onDuty().map(com.boothdesk.app.domain.staff.Account::role)
                .orElse(null));
        if (app.protocol() != null) {
            app.protocol().onReply(com.boothdesk.sdk.message.uplink.LaterPayOrder.SERVICE_NAME,
                    exits::laterPayAnswered);
        }
        exits.start();
        screens.start();
        ScheduledExecutorService timer = Threads.scheduled("payment");
        PaymentModule m = new PaymentModule(store, exits, settings, screens, timer);
        timer.scheduleWithFixedDelay(m::tick, 1, 1, TimeUnit.SECONDS);
        if (link != null) {
            link.addStatusListener(s -> {
                if (s == LinkStatus.LOGGED_IN) {
                    timer.execute(m::onLogin);
                }
            });
            if (link.status() == LinkStatus.LOGGED_IN) {
                timer.execute(m::onLogin);
            }
        }
        return m;
    }

    private void tick() {
        try {
            exits.refreshCodes();
            screens.tick();
        } catch (RuntimeException e) {
            LOG.error("payment timer failed", e);
        }
    }

    /** After each login: 2.18 asks the lasting exit code of every exit (for {@code payment.exit_code=lane}); 7.1/7.2. */
    private void onLogin() {
        screens.connect();
        if (!"lane".equals(settings.exitCode())) {
            return;
        }
        for (String lane : exits.exitLanes()) {
            ObjectNode q = WireCodec.MAPPER.createObjectNode();
            q.put("service_name", "code_url");
            q.put("data_target", "bolink");
            q.put("type", 2);
            q.put("channel_id", lane);
            screens.link().send(q).whenComplete((r, e) -> {
                if (e != null || r == null || r.path("state").asInt(0) != 1) {
                    LOG.warn("2.18 code_url for lane {} not given: {}", lane, e != null ? e.toString() : r);
                    return;
                }
                exits.laneCode(lane, r.path("code_url").asText(null));
                LOG.info("2.18: lane {} exit code received", lane);
            });
        }
    }

    public ExitPayments exits() {
        return exits;
    }

    public PaymentStore store() {
        return store;
    }

    public SmartScreens screens() {
        return screens;
    }

    public PaymentSettings settings() {
        return settings;
    }

    /** The downlinks this module answers. */
    public static List<String> handled() {
        return PaymentDownlinks.names();
    }

    @Override
    public void close() {
        Threads.shutdown(timer);
        exits.close();
    }

    static Duration timerPeriod() {
        return Duration.ofSeconds(1);
    }
}
