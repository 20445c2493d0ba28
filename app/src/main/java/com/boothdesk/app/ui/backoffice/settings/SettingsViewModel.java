package com.boothdesk.app.ui.backoffice.settings;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import com.boothdesk.app.domain.fee.FeeQuote;
import com.boothdesk.app.settings.BackOfficeSettings;
import com.boothdesk.app.settings.FieldException;
import com.boothdesk.app.ui.backoffice.BackOfficeEnv;
import com.boothdesk.app.ui.backoffice.port.BackOfficePorts;
import com.boothdesk.devices.templates.Outcome;

/**
 * The settings screen: the tariff editor with a live quote for a typed stay and the validator's message (it names the
 * wrong period), applied at once for new stays; the LED / voice templates with a preview, saved to the site file
 * (the lanes re-read it) and sent to a lane's card with the card's answer shown; each lane's devices with a test
 * button; the match tolerance; the language (switched in the window at once); and the audit log.
 */
public final class SettingsViewModel {

    private static final DateTimeFormatter STAY = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final DateTimeFormatter AUDIT = DateTimeFormatter.ofPattern("MM-dd HH:mm:ss");

    private final BackOfficePorts.Settings port;
    private final BackOfficePorts.Access access;
    private final BackOfficeEnv env;

    private final StringProperty tariffJson = new SimpleStringProperty("");
    private final StringProperty vehicleClass = new SimpleStringProperty("small");
    private final StringProperty stayIn = new SimpleStringProperty("");
    private final StringProperty stayOut = new SimpleStringProperty("");
    private final StringProperty quote = new SimpleStringProperty("");
    private final StringProperty tariffError = new SimpleStringProperty("");
    private final BooleanProperty tariffOk = new SimpleBooleanProperty();
    private final ObjectProperty<Outcome> outcome = new SimpleObjectProperty<>(Outcome.FEE_DUE);
    private final List<StringProperty> lines = List.of(new SimpleStringProperty(""), new SimpleStringProperty(""),
            new SimpleStringProperty(""), new SimpleStringProperty(""));
    private final StringProperty voice = new SimpleStringProperty("");
    private final StringProperty preview = new SimpleStringProperty("");
    private final StringProperty templateError = new SimpleStringProperty("");
    private final StringProperty lane = new SimpleStringProperty("");
    private final StringProperty cardAnswer = new SimpleStringProperty("");
    private final ObservableList<String> laneIds = FXCollections.observableArrayList();
    private final ObservableList<String> devices = FXCollections.observableArrayList();
    private final StringProperty matchTolerance = new SimpleStringProperty("6");
    private final ObjectProperty<Locale> language = new SimpleObjectProperty<>();
    private final ObservableList<String> audit = FXCollections.observableArrayList();
    private final StringProperty status = new SimpleStringProperty("");
    private final BooleanProperty canChange = new SimpleBooleanProperty();
    // issue 16: this booth's id and store
    private final BooleanProperty storeOffered = new SimpleBooleanProperty();
    private final StringProperty boothId = new SimpleStringProperty("");
    private final BooleanProperty siteDatabase = new SimpleBooleanProperty();
    private final StringProperty storeHost = new SimpleStringProperty("");
    private final StringProperty storePort = new SimpleStringProperty("5432");
    private final StringProperty storeDatabase = new SimpleStringProperty("boothdesk");
    private final StringProperty storeUser = new SimpleStringProperty("boothdesk");
    private final StringProperty storePassword = new SimpleStringProperty("");
    private final BooleanProperty passwordStored = new SimpleBooleanProperty();
    private final BooleanProperty storeTesting = new SimpleBooleanProperty();
    private final StringProperty storeResult = new SimpleStringProperty("");
    private final BooleanProperty storeResultOk = new SimpleBooleanProperty();
    private final StringProperty storeStatus = new SimpleStringProperty("");
    private List<BackOfficeSettings.Template> templates = List.of();
    private long quoteGeneration;
    private Consumer<Locale> languageSwitch = l -> { };

    public SettingsViewModel(BackOfficePorts.Settings port, BackOfficePorts.Access access, BackOfficeEnv env) {
        this.port = port;
        this.access = access;
        this.env = env;
        language.set(env.msg().locale());
        LocalDateTime now = LocalDateTime.now(env.clock().withZone(env.zone())).withSecond(0).withNano(0);
        stayIn.set(STAY.format(now.minusHours(3)));
        stayOut.set(STAY.format(now));
        tariffJson.addListener((o, a, b) -> requote());
        vehicleClass.addListener((o, a, b) -> requote());
        stayIn.addListener((o, a, b) -> requote());
        stayOut.addListener((o, a, b) -> requote());
        outcome.addListener((o, a, b) -> showTemplate());
        lines.forEach(l -> l.addListener((o, a, b) -> previewTemplate()));
        voice.addListener((o, a, b) -> previewTemplate());
    }

    /** Loads the tariff in force, the templates, the lanes and devices, and the audit log. */
    public void start() {
        canChange.set(access.canChange());
        env.async(() -> new Loaded(port.currentTariffJson(), port.templates(), port.laneIds(), port.devices(),
                port.audit(200)), l -> {
                    templates = l.templates;
                    laneIds.setAll(l.lanes);
                    if (!l.lanes.isEmpty() && lane.get().isEmpty()) {
                        lane.set(l.lanes.get(0));
                    }
                    devices.setAll(l.devices);
                    audit.setAll(l.audit.stream().map(this::auditLine).toList());
                    tariffJson.set(l.tariff);
                    showTemplate();
                }, e -> status.set(env.msg().get("bo.error", e.getMessage())));
        loadStore();
    }

    private record Loaded(String tariff, List<BackOfficeSettings.Template> templates, List<String> lanes,
                          List<String> devices, List<com.boothdesk.app.store.history.JdbcAudit.Entry> audit) {
    }

    private String auditLine(com.boothdesk.app.store.history.JdbcAudit.Entry e) {
        return AUDIT.format(e.at().atZone(env.zone())) + "  " + e.who() + "  " + e.setting() + "  "
                + cut(e.oldValue()) + " → " + cut(e.newValue());
    }

    private static String cut(String s) {
        if (s == null) {
            return "";
        }
        String one = s.replace('\n', ' ');
        return one.length() <= 60 ? one : one.substring(0, 57) + "...";
    }

    // ---- tariff -------------------------------------------------------------------------------------------------

    /** Re-checks the typed tariff and re-prices the typed stay (on the UI executor; the newest answer wins). */
    public void requote() {
        String json = tariffJson.get();
        String cls = vehicleClass.get();
        Instant in;
        Instant out;
        try {
            in = LocalDateTime.parse(stayIn.get().trim(), STAY).atZone(env.zone()).toInstant();
        } catch (DateTimeParseException e) {
            quote.set(env.msg().get("bo.settings.bad_time", env.msg().get("bo.settings.stay_in")));
            return;
        }
        try {
            out = LocalDateTime.parse(stayOut.get().trim(), STAY).atZone(env.zone()).toInstant();
        } catch (DateTimeParseException e) {
            quote.set(env.msg().get("bo.settings.bad_time", env.msg().get("bo.settings.stay_out")));
            return;
        }
        if (out.isBefore(in)) {
            quote.set(env.msg().get("bo.settings.out_before_in"));
            return;
        }
        long gen = ++quoteGeneration;
        env.async(() -> {
            BackOfficeSettings.TariffCheck c = port.check(json);
            FeeQuote q = c.ok() ? port.quote(c.tariff(), cls, in, out) : null;
            // the validator's problem in the operator's language (the check's own text is English, for logs)
            com.boothdesk.app.domain.fee.TariffException problem = c.ok() ? null : port.problem(json);
            return new Quoted(c, q, problem == null ? c.error() : env.msg().tariff(problem));
        }, r -> {
            if (gen != quoteGeneration) {
                return;
            }
            tariffOk.set(r.check.ok());
            tariffError.set(r.check.ok() ? "" : r.error);
            quote.set(r.quote == null ? "" : env.msg().get("bo.settings.quote", yuan(r.quote.totalFen()),
                    r.quote.explain(6)));
        }, e -> {
            tariffOk.set(false);
            tariffError.set(String.valueOf(e.getMessage()));
            quote.set("");
        });
    }

    private record Quoted(BackOfficeSettings.TariffCheck check, FeeQuote quote, String error) {
    }

    /** Puts the typed tariff in force (supervisors only): new stays are priced with it at once. */
    public void applyTariff() {
        if (!allowed()) {
            return;
        }
        String json = tariffJson.get();
        String who = access.who();
        env.async(() -> {
            try {
                port.applyTariff(json, who);
                return port.audit(200);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, a -> {
            audit.setAll(a.stream().map(this::auditLine).toList());
            status.set(env.msg().get("bo.settings.tariff_applied"));
        }, e -> status.set(e instanceof FieldException fe && "tariff_invalid".equals(fe.key())
                && !tariffError.get().isEmpty() // back5: the validator's problem as the editor shows it
                ? env.msg().get("bo.lists.refused", env.msg().field(fe.field()), tariffError.get())
                : e instanceof FieldException fe2 ? env.msg().refused(fe2) : env.msg().get("bo.error", e.getMessage())));
    }

    // ---- templates ----------------------------------------------------------------------------------------------

    private void showTemplate() {
        templates.stream().filter(t -> t.outcome() == outcome.get()).findFirst().ifPresent(t -> {
            for (int i = 0; i < 4; i++) {
                lines.get(i).set(i < t.lines().size() ? t.lines().get(i) : "");
            }
            voice.set(t.voice());
        });
        previewTemplate();
    }

    private BackOfficeSettings.Template typed() {
        List<String> l = new ArrayList<>();
        lines.forEach(p -> l.add(p.get() == null ? "" : p.get()));
        return new BackOfficeSettings.Template(outcome.get(), l, voice.get());
    }

    private void previewTemplate() {
        BackOfficeSettings.Template t = typed();
        try {
            BackOfficeSettings.validate(t);
            templateError.set("");
        } catch (FieldException e) {
            templateError.set(env.msg().refused(e));
        }
        BackOfficeSettings.Template r = BackOfficeSettings.render(t, BackOfficeSettings.SAMPLE);
        preview.set(String.join("\n", r.lines()) + "\n" + env.msg().get("bo.settings.voice") + "：" + r.voice());
    }

    /** Saves the template (the lanes use it from their next car) and logs old → new. */
    public void saveTemplate() {
        if (!allowed()) {
            return;
        }
        BackOfficeSettings.Template t = typed();
        String who = access.who();
        env.async(() -> {
            try {
                port.saveTemplate(t, who);
                return new Loaded(null, port.templates(), List.of(), List.of(), port.audit(200));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, l -> {
            templates = l.templates;
            audit.setAll(l.audit.stream().map(this::auditLine).toList());
            status.set(env.msg().get("bo.settings.template_saved", t.outcome().key()));
        }, e -> templateError.set(e instanceof FieldException fe ? env.msg().refused(fe) : env.msg().get("bo.error", e.getMessage())));
    }

    /** Sends the previewed template (with the sample values) to the chosen lane's card; shows what it answered. */
    public void sendTemplate() {
        BackOfficeSettings.Template r = BackOfficeSettings.render(typed(), BackOfficeSettings.SAMPLE);
        send(lane.get(), r.lines(), r.voice());
    }

    /** The device test button: a test text to the lane's card, and its ACK shown. */
    public void testCard(String laneId) {
        send(laneId, List.of(env.msg().get("bo.settings.test_text")), "");
    }

    private void send(String laneId, List<String> l, String v) {
        if (laneId == null || laneId.isBlank()) {
            cardAnswer.set(env.msg().get("bo.settings.no_lane"));
            return;
        }
        cardAnswer.set(env.msg().get("bo.settings.sending", laneId));
        port.sendToCard(laneId, l, v).whenComplete((answer, e) -> env.fx().execute(() -> cardAnswer.set(
                env.msg().get("bo.settings.card_answer", laneId, e == null ? answer : String.valueOf(e.getMessage())))));
    }

    // ---- this booth's id and its store (issue 16) ---------------------------------------------------------------

    private void loadStore() {
        env.async(() -> {
            try {
                return java.util.Optional.ofNullable(port.store());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, st -> {
            storeOffered.set(st.isPresent());
            st.ifPresent(this::showStore);
        }, e -> storeStatus.set(env.msg().get("bo.error", e.getMessage())));
    }

    private void showStore(BackOfficeSettings.StoreState st) {
        BackOfficeSettings.StoreForm f = st.form();
        boothId.set(f.boothId());
        siteDatabase.set(f.siteDatabase());
        storeHost.set(f.host());
        storePort.set(f.port());
        storeDatabase.set(f.database());
        storeUser.set(f.user());
        storePassword.set("");
        passwordStored.set(st.passwordStored());
    }

    private BackOfficeSettings.StoreForm storeForm() {
        return new BackOfficeSettings.StoreForm(boothId.get(), siteDatabase.get(), storeHost.get(), storePort.get(),
                storeDatabase.get(), storeUser.get(), storePassword.get());
    }

    /**
     * The 测试连接 button: the probe runs on the UI executor with what is typed; the result says what it found (the
     * server's version, the schema, the site's other booths) or why not, in the operator's language.
     */
    public void testStore() {
        BackOfficeSettings.StoreForm f = storeForm();
        storeTesting.set(true);
        storeResultOk.set(false);
        storeResult.set(env.msg().get("bo.settings.store.testing", f.siteDatabase() ? f.host() + ":" + f.port()
                + "/" + f.database() : env.msg().get("bo.settings.store.embedded")));
        env.async(() -> {
            try {
                return port.probeStore(f);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, r -> {
            storeTesting.set(false);
            storeResultOk.set(r.ok() && !r.sameIdAlive());
            storeResult.set(describe(r, f));
        }, e -> {
            storeTesting.set(false);
            storeResultOk.set(false);
            storeResult.set(e instanceof FieldException fe ? env.msg().refused(fe)
                    : env.msg().get("bo.settings.store.failed", String.valueOf(e.getMessage())));
        });
    }

    private String describe(BackOfficeSettings.StoreProbe r, BackOfficeSettings.StoreForm f) {
        var m = env.msg();
        return switch (r.kind()) {
            case EMBEDDED -> m.get("bo.settings.store.nothing_to_test");
            case REFUSED -> m.get("bo.settings.store.refused", r.where());
            case NO_DATABASE -> m.get("bo.settings.store.no_database", r.where(), f.database(), f.user());
            case UNREACHABLE -> m.get("bo.settings.store.unreachable", r.where(), r.detail());
            case OK -> {
                String schema = r.migrations() == 0 ? m.get("bo.settings.store.no_schema")
                        : m.get("bo.settings.store.schema", r.migrations(), r.lastMigration());
                List<String> booths = new ArrayList<>();
                r.boothsAlive().forEach(b -> booths.add(m.get("bo.settings.store.booth_alive", b)));
                r.boothsGone().forEach(b -> booths.add(m.get("bo.settings.store.booth_gone", b)));
                String others = booths.isEmpty() ? m.get("bo.settings.store.no_booths")
                        : m.get("bo.settings.store.booths", String.join(m.get("bo.settings.store.list_sep"), booths));
                String text = m.get("bo.settings.store.ok", r.where(), r.version(), schema, others);
                yield r.sameIdAlive() ? text + "\n" + m.get("bo.settings.store.same_id", f.boothId()) : text;
            }
        };
    }

    /**
     * Saves this booth's id and store (supervisors only) for the next start, and says so: a store change needs a
     * restart, and nothing is moved between databases (this booth's records stay where they are).
     */
    public void saveStore() {
        if (!allowed()) {
            return;
        }
        BackOfficeSettings.StoreForm f = storeForm();
        String who = access.who();
        env.async(() -> {
            try {
                BackOfficeSettings.StoreSaved saved = port.saveStore(f, who);
                return new StoreReloaded(saved, port.store(), port.audit(200));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, r -> {
            if (r.state != null) {
                showStore(r.state);
            }
            audit.setAll(r.audit.stream().map(this::auditLine).toList());
            var m = env.msg();
            List<String> said = new ArrayList<>();
            if (!r.saved.anything()) {
                said.add(m.get("bo.settings.store.unchanged"));
            }
            if (r.saved.boothIdChanged()) {
                said.add(m.get("bo.settings.store.id_changed", f.boothId(), r.saved.localId()));
            }
            if (r.saved.storeChanged()) {
                said.add(r.saved.siteDatabase() ? m.get("bo.settings.store.to_site", f.host() + ":" + f.port() + "/"
                        + f.database()) : m.get("bo.settings.store.to_embedded"));
            }
            storeStatus.set(String.join("\n", said));
            status.set(said.get(0));
        }, e -> storeStatus.set(e instanceof FieldException fe ? env.msg().refused(fe)
                : env.msg().get("bo.error", e.getMessage())));
    }

    private record StoreReloaded(BackOfficeSettings.StoreSaved saved, BackOfficeSettings.StoreState state,
                                 List<com.boothdesk.app.store.history.JdbcAudit.Entry> audit) {
    }

    public BooleanProperty storeOffered() {
        return storeOffered;
    }

    public StringProperty boothId() {
        return boothId;
    }

    public BooleanProperty siteDatabase() {
        return siteDatabase;
    }

    public StringProperty storeHost() {
        return storeHost;
    }

    public StringProperty storePort() {
        return storePort;
    }

    public StringProperty storeDatabase() {
        return storeDatabase;
    }

    public StringProperty storeUser() {
        return storeUser;
    }

    public StringProperty storePassword() {
        return storePassword;
    }

    public BooleanProperty passwordStored() {
        return passwordStored;
    }

    public BooleanProperty storeTesting() {
        return storeTesting;
    }

    public StringProperty storeResult() {
        return storeResult;
    }

    public BooleanProperty storeResultOk() {
        return storeResultOk;
    }

    public StringProperty storeStatus() {
        return storeStatus;
    }

    // ---- match tolerance and language ---------------------------------------------------------------------------

    public void applyMatchTolerance() {
        if (!allowed()) {
            return;
        }
        String v = matchTolerance.get();
        String who = access.who();
        env.async(() -> {
            try {
                port.setMatchTolerance(v, who);
                return port.audit(200);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, a -> {
            audit.setAll(a.stream().map(this::auditLine).toList());
            status.set(env.msg().get("bo.settings.restart_needed", "match.min_matching"));
        }, e -> status.set(e instanceof FieldException fe ? env.msg().refused(fe) : env.msg().get("bo.error", e.getMessage())));
    }

    /** Switches the window's language now (no restart) and keeps the choice for the next start. */
    public void switchLanguage(Locale l) {
        String who = access.who();
        if (access.canChange()) {
            env.async(() -> {
                try {
                    port.setLanguage(l, who);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                return l;
            }, x -> { }, e -> status.set(env.msg().get("bo.error", e.getMessage())));
        }
        languageSwitch.accept(l);
    }

    /** Who rebuilds the window in another language. */
    public void onLanguageSwitch(Consumer<Locale> c) {
        this.languageSwitch = c;
    }

    private boolean allowed() {
        canChange.set(access.canChange());
        if (!canChange.get()) {
            status.set(env.msg().get("bo.lists.read_only"));
        }
        return canChange.get();
    }

    private static String yuan(long fen) {
        return String.format("%d.%02d", fen / 100, fen % 100);
    }

    public StringProperty tariffJson() {
        return tariffJson;
    }

    public StringProperty vehicleClass() {
        return vehicleClass;
    }

    public StringProperty stayIn() {
        return stayIn;
    }

    public StringProperty stayOut() {
        return stayOut;
    }

    public StringProperty quote() {
        return quote;
    }

    public StringProperty tariffError() {
        return tariffError;
    }

    public BooleanProperty tariffOk() {
        return tariffOk;
    }

    public ObjectProperty<Outcome> outcome() {
        return outcome;
    }

    public StringProperty line(int i) {
        return lines.get(i);
    }

    public StringProperty voice() {
        return voice;
    }

    public StringProperty preview() {
        return preview;
    }

    public StringProperty templateError() {
        return templateError;
    }

    public StringProperty lane() {
        return lane;
    }

    public StringProperty cardAnswer() {
        return cardAnswer;
    }

    public ObservableList<String> laneIds() {
        return laneIds;
    }

    public ObservableList<String> devices() {
        return devices;
    }

    public StringProperty matchTolerance() {
        return matchTolerance;
    }

    public ObjectProperty<Locale> language() {
        return language;
    }

    public ObservableList<String> audit() {
        return audit;
    }

    public StringProperty status() {
        return status;
    }

    public BooleanProperty canChange() {
        return canChange;
    }
}
