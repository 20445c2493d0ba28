package com.boothdesk.app.ui.header;

import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import com.boothdesk.app.BoothStatus;
import com.boothdesk.app.common.Observable;
import com.boothdesk.app.ui.UiEnv;
import com.boothdesk.app.ui.port.StatusFeed;

/**
 * The header: cloud link, outbox depth, cars in the lot, free spaces per area (by name), the attendant and the
 * clock; and the alert list of device events (a lane's card, barrier or camera going off or coming back), newest
 * first, each naming its lane so a click selects it. What is shown is what the health feed says, nothing guessed.
 */
public final class HeaderViewModel {

    static final int MAX_ALERTS = 100;
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");

    /** One device event. */
    public record Alert(String time, String laneId, String text, boolean trouble) {
        @Override
        public String toString() {
            return time + "  " + text;
        }
    }

    private final UiEnv env;
    private final StatusFeed feed;
    private final Map<String, String> laneNames;
    private final StringProperty cloud = new SimpleStringProperty("");
    private final StringProperty cloudState = new SimpleStringProperty("stopped");
    private final StringProperty outbox = new SimpleStringProperty("");
    private final IntegerProperty outboxDepth = new SimpleIntegerProperty(0);
    private final StringProperty inLot = new SimpleStringProperty("");
    private final StringProperty free = new SimpleStringProperty("");
    private final StringProperty operator = new SimpleStringProperty("");
    private final StringProperty clock = new SimpleStringProperty("");
    private final StringProperty duty = new SimpleStringProperty("");
    private final ObservableList<Alert> alerts = FXCollections.observableArrayList();
    /** Devices that have been in trouble once: from then on every change of theirs is listed. */
    private final java.util.Set<String> troubleSeen = new java.util.HashSet<>();
    private final IntegerProperty unseen = new SimpleIntegerProperty(0);
    private final BooleanProperty trouble = new SimpleBooleanProperty(false);
    private final Map<String, String> lastHealth = new HashMap<>();
    private final StringProperty parkValidity = new SimpleStringProperty("");
    private final BooleanProperty parkExpired = new SimpleBooleanProperty(false);
    private volatile ParkValidityPort validityPort;
    private Observable.Subscription subscription;
    private Observable.Subscription languageSubscription;
    private BoothStatus last;
    /** Each alert as it happened (lane, device, state), newest first, so that a language switch tells it again. */
    private final java.util.List<String[]> alertFacts = new java.util.ArrayList<>();

    /** @param laneNames lane id → name, in screen order */
    public HeaderViewModel(UiEnv env, StatusFeed feed, Map<String, String> laneNames) {
        this.env = env;
        this.feed = feed;
        this.laneNames = Map.copyOf(laneNames);
    }

    public void start() {
        subscription = feed.status().subscribe(s -> env.fx().execute(() -> apply(s)));
        // the language switch: the figures and the alert list are told again in the new language
        languageSubscription = env.msg().language().subscribe(l -> env.fx().execute(this::relabel));
    }

    public void dispose() {
        if (subscription != null) {
            subscription.close();
        }
        if (languageSubscription != null) {
            languageSubscription.close();
        }
    }

    /** Tells the header again in the language of the moment (after {@code Messages.switchTo}). */
    void relabel() {
        if (last != null) {
            texts(last);
        }
        applyValidity();
        for (int i = 0; i < alertFacts.size() && i < alerts.size(); i++) {
            String[] f = alertFacts.get(i);
            Alert a = alerts.get(i);
            alerts.set(i, new Alert(a.time(), a.laneId(), alertText(f[0], f[1], f[2]), a.trouble()));
        }
    }

    private String alertText(String lane, String device, String state) {
        var msg = env.msg();
        return laneNames.getOrDefault(lane, lane) + " " + msg.get("device." + device) + " " + msg.get("health." + state);
    }

    private void texts(BoothStatus s) {
        var msg = env.msg();
        cloud.set(msg.get("cloud.status") + " " + msg.get("cloud." + s.cloud()));
        outbox.set(msg.get("outbox.pending", s.outboxPending()));
        inLot.set(msg.get("inlot.count", s.inLot()));
        free.set(s.freeByArea().size() <= 1 ? msg.get("spaces.free", s.freeSpaces())
                : msg.get("spaces.free", s.freeSpaces()) + " (" + s.freeByArea().entrySet().stream()
                .map(e -> areaName(e.getKey()) + " " + e.getValue()).collect(Collectors.joining(" · ")) + ")");
        operator.set(msg.get("operator", s.operator()));
    }

    void apply(BoothStatus s) {
        last = s;
        texts(s);
        cloudState.set(s.cloud().toLowerCase(Locale.ROOT));
        outboxDepth.set(s.outboxPending());
        clock.set(CLOCK.format(env.clock().instant().atZone(env.clock().getZone())));
        boolean anyTrouble = false;
        for (var e : s.devices().entrySet()) {
            String lane = e.getKey();
            BoothStatus.LaneDevices d = e.getValue();
            anyTrouble |= !"CONNECTED".equals(d.card()) || !"CONNECTED".equals(d.gate())
                    || !"CONNECTED".equals(d.camera());
            health(lane, "card", d.card());
            health(lane, "gate", d.gate());
            health(lane, "camera", d.camera());
        }
        trouble.set(anyTrouble);
        applyValidity();
        applySite();
    }

    // ---- outage: the site database's line (ui.site.SiteDatabasePort); nothing on a single booth ----------------
    private final StringProperty siteDb = new SimpleStringProperty("");
    private final BooleanProperty siteDbTrouble = new SimpleBooleanProperty(false);
    private volatile com.boothdesk.app.ui.site.SiteDatabasePort sitePort;
    private volatile Runnable openSiteConflicts = () -> { };

    /** The site database this header reports on, and what a click on its line opens (the conflict list). */
    public void siteDatabase(com.boothdesk.app.ui.site.SiteDatabasePort port, Runnable openConflicts) {
        this.sitePort = port;
        this.openSiteConflicts = openConflicts;
    }

    private void applySite() {
        var port = sitePort;
        var line = port == null ? com.boothdesk.app.ui.site.SiteDatabasePort.Line.NONE : port.line(env.msg());
        siteDb.set(line.text());
        siteDbTrouble.set(line.trouble());
    }

    /** "站点数据库断开 …" while down, "正在回放 …", "回放冲突 n 条" while the site has conflicts; else empty. */
    public StringProperty siteDatabaseProperty() {
        return siteDb;
    }

    /** The site database is down or replaying (shown as trouble). */
    public BooleanProperty siteDatabaseTroubleProperty() {
        return siteDbTrouble;
    }

    /** The attendant clicked the site database's line. */
    public void openSiteConflicts() {
        openSiteConflicts.run();
    }

    /** The park's validity (3.35) this header warns about; without it the warning stays empty. */
    public void parkValidity(ParkValidityPort port) {
        this.validityPort = port;
    }

    private void applyValidity() {
        ParkValidityPort port = validityPort;
        var w = port == null ? java.util.Optional.<ParkValidityPort.Warning>empty() : port.warning();
        parkValidity.set(w.map(v -> env.msg().get(v.expired() ? "header.park_valid.expired" : "header.park_valid.soon",
                v.until().toString())).orElse(""));
        parkExpired.set(w.map(ParkValidityPort.Warning::expired).orElse(false));
    }

    /** "车场有效期至 …，请续期" within a week of the park's end (3.35), "车场有效期已于 … 到期" after it; else empty. */
    public StringProperty parkValidityProperty() {
        return parkValidity;
    }

    /** The park's validity has ended (the warning is shown as trouble). */
    public BooleanProperty parkExpiredProperty() {
        return parkExpired;
    }

    /** An area as the attendant knows it: the single default area is "the whole lot", never its id {@code main}. */
    public String areaName(String area) {
        return "main".equals(area) ? env.msg().get("ui.area.main") : area;
    }

    private void health(String lane, String device, String now) {
        String key = lane + "/" + device;
        String was = lastHealth.put(key, now);
        boolean starting = was == null || "UNKNOWN".equals(was) && !troubleSeen.contains(key);
        if (now.equals(was) || starting && ("CONNECTED".equals(now) || "UNKNOWN".equals(now))) {
            return; // no change, or a device coming up as the booth starts: nothing for the attendant to look at
        }
        boolean bad = !"CONNECTED".equals(now);
        if (bad) {
            troubleSeen.add(key);
        }
        String time = CLOCK.format(env.clock().instant().atZone(env.clock().getZone()));
        alerts.add(0, new Alert(time, lane, alertText(lane, device, now), bad));
        alertFacts.add(0, new String[] {lane, device, now});
        if (alerts.size() > MAX_ALERTS) {
            alerts.remove(MAX_ALERTS, alerts.size());
        }
        if (alertFacts.size() > MAX_ALERTS) {
            alertFacts.subList(MAX_ALERTS, alertFacts.size()).clear();
        }
        if (bad) {
            unseen.set(unseen.get() + 1); // a device coming back is listed, but only trouble asks to be looked at
        }
    }

    /** The clock line, once a second (the status feed publishes only when something changed). */
    public void tick() {
        clock.set(CLOCK.format(env.clock().instant().atZone(env.clock().getZone())));
        applySite(); // outage: the status feed may not publish while the site database is down
    }

    /** The attendant looked at the alerts. */
    public void seen() {
        unseen.set(0);
    }

    public StringProperty cloudProperty() {
        return cloud;
    }

    public StringProperty cloudStateProperty() {
        return cloudState;
    }

    public StringProperty outboxProperty() {
        return outbox;
    }

    public IntegerProperty outboxDepthProperty() {
        return outboxDepth;
    }

    public StringProperty inLotProperty() {
        return inLot;
    }

    public StringProperty freeProperty() {
        return free;
    }

    public StringProperty operatorProperty() {
        return operator;
    }

    /**
     * Who is on duty, since when, and the money taken this shift (the duty view-model's text); empty on a booth
     * without accounts, where the header names the configured operator instead.
     */
    public StringProperty dutyProperty() {
        return duty;
    }

    /** The header's attendant line: the duty text once the booth has accounts, else the configured operator. */
    public javafx.beans.binding.StringBinding attendantLine() {
        return javafx.beans.binding.Bindings.createStringBinding(() -> duty.get().isEmpty() ? operator.get()
                : duty.get(), duty, operator);
    }

    public StringProperty clockProperty() {
        return clock;
    }

    public ObservableList<Alert> alerts() {
        return alerts;
    }

    public IntegerProperty unseenProperty() {
        return unseen;
    }

    public BooleanProperty troubleProperty() {
        return trouble;
    }
}
