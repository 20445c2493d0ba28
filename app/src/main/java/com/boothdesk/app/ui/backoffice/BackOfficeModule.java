package com.boothdesk.app.ui.backoffice;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import com.boothdesk.app.BoothApp;
import com.boothdesk.app.config.LaneConfig;
import com.boothdesk.app.domain.fee.FeeEngine;
import com.boothdesk.app.domain.fee.FeeQuote;
import com.boothdesk.app.domain.fee.Tariff;
import com.boothdesk.app.domain.lists.MonthRenewal;
import com.boothdesk.app.domain.staff.Account;
import com.boothdesk.app.settings.BackOfficeSettings;
import com.boothdesk.app.settings.ListForms;
import com.boothdesk.app.settings.ListImport;
import com.boothdesk.app.settings.LiveTariffs;
import com.boothdesk.app.store.JdbcTariffVersions;
import com.boothdesk.app.store.history.GateRow;
import com.boothdesk.app.store.history.HistoryExport;
import com.boothdesk.app.store.history.HistoryQuery;
import com.boothdesk.app.store.history.HistoryRow;
import com.boothdesk.app.store.history.JdbcAudit;
import com.boothdesk.app.store.history.JdbcHistory;
import com.boothdesk.app.store.history.JdbcListReads;
import com.boothdesk.app.store.history.JdbcReports;
import com.boothdesk.app.store.history.ListTable;
import com.boothdesk.app.store.history.StoryEvent;
import com.boothdesk.app.ui.backoffice.port.BackOfficePorts;

/**
 * Wires the back office to the running booth: the history and report queries on its database, list changes through
 * its {@code ListAdmin}, the settings (live tariff, templates, site file, audit), the lane cards for the test and
 * "send to the card" buttons, and the access rule from the account on duty. No JavaFX here.
 */
public final class BackOfficeModule {

    private BackOfficeModule() {
    }

    /** The back office's ports over {@code app}. */
    public static BackOfficePorts ports(BoothApp app) {
        var cfg = app.config();
        Clock clock = app.clock();
        var db = app.database();
        JdbcHistory history = new JdbcHistory(db, app.outbox(), matchOf(cfg));
        JdbcListReads reads = new JdbcListReads(db, cfg.zone());
        ListForms forms = new ListForms(app.listAdmin());
        ListImport importer = new ListImport(forms);
        JdbcReports reports = new JdbcReports(db, cfg.zone());
        JdbcAudit audit = new JdbcAudit(db, com.boothdesk.app.cloud.ParkLogs.of(app)); // proto2: 2.6 with each change
        LiveTariffs tariffs = app.liveTariffs();
        BackOfficeSettings settings = new BackOfficeSettings(cfg.dataDir(), tariffs, new JdbcTariffVersions(db), audit,
                new FeeEngine(cfg.zone()), clock, cfg.tariffFile());
        var store = com.boothdesk.app.config.StoreSettings.from(cfg); // issue 16: the store tab starts from this booth
        settings.running(cfg.boothId(), store.url(), store.user());

        BackOfficePorts.Access access = new BackOfficePorts.Access() {
            /** No accounts at all (the demo, a booth before its first admin): the booth works without log-in. */
            private boolean noAccounts() {
                return app.staff() == null || app.staff().service().needsFirstAdmin();
            }

            @Override
            public String who() {
                if (noAccounts()) {
                    return cfg.operator() == null || cfg.operator().isBlank() ? "booth" : cfg.operator();
                }
                return app.staff().service().onDuty().map(Account::userId).orElse("");
            }

            @Override
            public boolean canChange() {
                if (noAccounts()) {
                    return true; // a site without accounts (the demo): the booth's operator is its own supervisor
                }
                return app.staff().service().onDuty().map(a -> a.role().supervises()).orElse(false);
            }
        };

        BackOfficePorts.History h = new BackOfficePorts.History() {
            @Override
            public List<HistoryRow> search(HistoryQuery q) {
                return history.search(q);
            }

            @Override
            public List<StoryEvent> story(String orderId) {
                return history.story(orderId);
            }

            @Override
            public List<GateRow> gateEvents(Instant from, Instant to, String lane, String op, boolean manual, int n) {
                return history.gateEvents(from, to, lane, op, manual, n);
            }

            @Override
            public long export(HistoryQuery q, Path file) throws IOException {
                return HistoryExport.write(history, q, file, cfg.zone());
            }

            @Override
            public List<String> lanes() {
                return history.lanes();
            }

            @Override
            public List<String> attendants() {
                return history.attendants();
            }

            @Override
            public Optional<byte[]> picture(String reference) {
                return reference == null || reference.isBlank() ? Optional.empty() : app.images().load(reference);
            }
        };

        BackOfficePorts.Lists l = new BackOfficePorts.Lists() {
            @Override
            public ListTable read(JdbcListReads.Kind kind, String fragment) {
                return reads.read(kind, fragment);
            }

            @Override
            public String save(JdbcListReads.Kind kind, Map<String, String> fields, String who) {
                return forms.save(kind, fields, who);
            }

            @Override
            public boolean delete(JdbcListReads.Kind kind, String key, String who) {
                return forms.delete(kind, key, who);
            }

            @Override
            public MonthRenewal renew(String cardId, String validTo, String paidYuan, int months, String who) {
                return forms.renew(cardId, validTo, paidYuan, "cash", months, who);
            }

            @Override
            public void topUp(String cardId, String yuan, String who) {
                forms.topUp(cardId, yuan, "cash");
            }

            @Override
            public ListImport.Report importFile(JdbcListReads.Kind kind, Path file, String who) throws IOException {
                return importer.importFile(kind, file, who);
            }
        };

        BackOfficePorts.Settings s = new BackOfficePorts.Settings() {
            @Override
            public String currentTariffJson() {
                return settings.currentTariffJson();
            }

            @Override
            public BackOfficeSettings.TariffCheck check(String json) {
                return settings.check(json);
            }

            @Override
            public FeeQuote quote(Tariff tariff, String vehicleClass, Instant in, Instant out) {
                return settings.quote(tariff, vehicleClass, in, out);
            }

            @Override
            public void applyTariff(String json, String who) throws IOException {
                settings.applyTariff(json, who);
            }

            @Override
            public List<BackOfficeSettings.Template> templates() {
                return settings.templates();
            }

            @Override
            public void saveTemplate(BackOfficeSettings.Template t, String who) throws IOException {
                settings.saveTemplate(t, who);
            }

            @Override
            public CompletableFuture<String> sendToCard(String laneId, List<String> lines, String voice) {
                var card = app.hardware() == null ? Optional.<com.boothdesk.devices.card.LaneCard>empty()
                        : app.hardware().card(laneId);
                if (card.isEmpty()) {
                    return CompletableFuture.completedFuture("NO_CARD");
                }
                var c = card.get();
                var f = voice == null || voice.isBlank() ? c.showLinesAsync(lines) : c.showAndSayAsync(lines, voice);
                return f.thenApply(o -> o.status().name() + (o.ackCode() == 0 ? "" : " ack " + o.ackCode())
                        + (o.detail() == null || o.detail().isEmpty() ? "" : " " + o.detail()));
            }

            @Override
            public List<String> devices() {
                List<String> out = new ArrayList<>();
                var m = app.messages(); // the booth's language (these lines are read again on each opening)
                for (LaneConfig lc : cfg.lanes()) {
                    String health = app.hardware() == null ? "UNKNOWN"
                            : app.hardware().health(lc.lane().id()).card().name();
                    String cam = app.cameraIntake() == null ? "UNKNOWN"
                            : app.cameraIntake().cameraHealth(lc.camera()).name();
                    out.add(m.get("bo.device.line", lc.lane().id(), lc.lane().name(),
                            m.get("bo.device." + lc.lane().direction()), lc.cardPort(), String.valueOf(lc.cardBaud()),
                            m.get("bo.device." + health), lc.camera(), m.get("bo.device." + cam)));
                }
                out.add(m.get("bo.device.allowed", String.join(", ", cfg.cameras().allowed()),
                        app.cameraIntake() == null ? "?" : String.valueOf(app.cameraPort())));
                return out;
            }

            @Override
            public List<String> laneIds() {
                return cfg.lanes().stream().map(lc -> lc.lane().id()).toList();
            }

            @Override
            public void setMatchTolerance(String value, String who) throws IOException {
                settings.setMatchTolerance(value, who);
            }

            @Override
            public void setLanguage(Locale locale, String who) throws IOException {
                settings.setLanguage(locale, who);
            }

            @Override
            public List<JdbcAudit.Entry> audit(int limit) {
                return audit.recent(limit);
            }

            @Override
            public BackOfficeSettings.StoreState store() throws IOException {
                return settings.store(); // issue 16: this booth's id and store
            }

            @Override
            public BackOfficeSettings.StoreProbe probeStore(BackOfficeSettings.StoreForm form) throws IOException {
                return settings.probeStore(form);
            }

            @Override
            public BackOfficeSettings.StoreSaved saveStore(BackOfficeSettings.StoreForm form, String who)
                    throws IOException {
                return settings.saveStore(form, who);
            }
        };

        BackOfficePorts.Reports r = new BackOfficePorts.Reports() {
            @Override
            public List<JdbcReports.IncomeRow> income(Instant from, Instant to, JdbcReports.Period period) {
                return reports.income(from, to, period);
            }

            @Override
            public List<JdbcReports.FlowRow> flow(Instant from, Instant to) {
                return reports.flow(from, to);
            }

            @Override
            public List<JdbcReports.ReasonRow> freeReleases(Instant from, Instant to) {
                return reports.freeReleases(from, to);
            }

            @Override
            public List<JdbcReports.ReasonRow> manualMovements(Instant from, Instant to) {
                return reports.manualMovements(from, to);
            }
        };
        return new BackOfficePorts(h, l, s, r, access, cfg.zone(), clock);
    }

    private static com.boothdesk.app.domain.plate.MatchSettings matchOf(com.boothdesk.app.config.BoothConfig cfg) {
        try {
            return cfg.rules() == null || cfg.rules().match() == null
                    ? com.boothdesk.app.domain.plate.MatchSettings.defaults() : cfg.rules().match();
        } catch (RuntimeException e) {
            return com.boothdesk.app.domain.plate.MatchSettings.defaults();
        }
    }
}
