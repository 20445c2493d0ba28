package com.boothdesk.app.ui.wizard;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.function.Function;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableMap;

import com.boothdesk.app.config.ConfigException;
import com.boothdesk.app.config.SiteFile;
import com.boothdesk.app.domain.fee.FeeEngine;
import com.boothdesk.app.domain.fee.FeeQuote;
import com.boothdesk.app.domain.fee.Fen;
import com.boothdesk.app.domain.fee.Tariff;
import com.boothdesk.app.domain.fee.TariffException;
import com.boothdesk.app.domain.fee.Tariffs;
import com.boothdesk.app.ops.CardProbe;
import com.boothdesk.app.ui.UiThread;
import com.boothdesk.devices.serial.SerialSettings;

/**
 * The first-run screen and the commissioning wizard: the choice (demo or commission), every field, every rule and
 * the commands. No {@code Node}: the view binds to the properties. Problems are kept per configuration key
 * ({@link #errors()}), each message naming its field.
 */
public final class CommissionViewModel {

    /** How the first run ended. */
    public enum Outcome { PENDING, DEMO, COMMISSIONED, CANCELLED }

    /** The first admin account belongs to the shifts work: called after the site file is written. */
    @FunctionalInterface
    public interface AdminAccountHook {
        void siteWritten(Path dataDir);
    }

    /** The card test: port, address, baud → result (blocking; run on the background executor). */
    @FunctionalInterface
    public interface CardTester {
        CardProbe.Result test(String port, int address, int baud);
    }

    /** The site database test: url, user, password → what was found (blocking; run on the background executor). */
    @FunctionalInterface
    public interface DatabaseTester {
        DatabaseTest test(String url, String user, String password);
    }

    /** What a site database test found, in the words shown to the technician. */
    public record DatabaseTest(boolean ok, String text) {
    }

    private boolean checked;
    private DatabaseTester databaseTester = siteDatabaseTester();
    /** Where a background result is published: the FX thread (tests of this package run it in place). */
    Executor ui = UiThread::run;
    private final Path dataDir;
    private final Executor background;
    private final CardTester tester;
    private final AdminAccountHook adminHook;
    private final Clock clock;

    final StringProperty parkId = new SimpleStringProperty("");
    final StringProperty unionId = new SimpleStringProperty("");
    final StringProperty secret = new SimpleStringProperty("");
    final StringProperty cloudMode = new SimpleStringProperty("tcp");
    final StringProperty cloudHost = new SimpleStringProperty("");
    final StringProperty cloudPort = new SimpleStringProperty("");
    final StringProperty cameraPort = new SimpleStringProperty("8088");
    final StringProperty cameraAllowed = new SimpleStringProperty("");
    final ObjectProperty<String> tariff = new SimpleObjectProperty<>(SiteFile.SHIPPED_TARIFFS.get(0));
    final StringProperty boothId = new SimpleStringProperty(SiteFile.SiteDatabase.SINGLE_BOOTH.boothId());
    /** False: this booth keeps its records in its own embedded file; true: on the site's PostgreSQL database. */
    final javafx.beans.property.BooleanProperty siteDatabase = new javafx.beans.property.SimpleBooleanProperty();
    final StringProperty storeUrl = new SimpleStringProperty("jdbc:postgresql://server:5432/boothdesk");
    final StringProperty storeUser = new SimpleStringProperty("boothdesk");
    final StringProperty storePassword = new SimpleStringProperty("");
    final javafx.beans.property.ReadOnlyBooleanWrapper databaseTesting =
            new javafx.beans.property.ReadOnlyBooleanWrapper();
    final javafx.beans.property.ReadOnlyBooleanWrapper databaseTestPassed =
            new javafx.beans.property.ReadOnlyBooleanWrapper();
    final ReadOnlyStringWrapper databaseTestResult = new ReadOnlyStringWrapper("");
    final ReadOnlyStringWrapper sampleQuote = new ReadOnlyStringWrapper("");
    final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    final ReadOnlyObjectWrapper<Outcome> outcome = new ReadOnlyObjectWrapper<>(Outcome.PENDING);
    final javafx.beans.property.ReadOnlyBooleanWrapper formShown = new javafx.beans.property.ReadOnlyBooleanWrapper();
    private final ObservableList<LaneRowViewModel> lanes = FXCollections.observableArrayList();
    private final ObservableMap<String, String> errors = FXCollections.observableHashMap();
    private final ObservableList<String> tariffs = FXCollections.observableArrayList(SiteFile.SHIPPED_TARIFFS);

    public CommissionViewModel(Path dataDir, Executor background, CardTester tester, AdminAccountHook adminHook,
                               Clock clock) {
        this.dataDir = dataDir;
        this.background = background;
        this.tester = tester;
        this.adminHook = adminHook;
        this.clock = clock;
        // once checked, every change re-checks: a fixed field loses its message at once
        javafx.beans.InvalidationListener recheck = o -> {
            if (checked) {
                validate();
            }
        };
        for (javafx.beans.Observable p : new javafx.beans.Observable[] {parkId, unionId, secret, cloudMode, cloudHost,
                cloudPort, cameraPort, cameraAllowed, tariff, boothId, siteDatabase, storeUrl, storeUser,
                storePassword}) {
            p.addListener(recheck);
        }
        lanes.addListener((javafx.collections.ListChangeListener<LaneRowViewModel>) c -> {
            while (c.next()) {
                c.getAddedSubList().forEach(row -> row.fields().forEach(f -> f.addListener(recheck)));
            }
            recheck.invalidated(lanes);
        });
        lanes.add(new LaneRowViewModel("A1", "入口1", "entry"));
        lanes.add(new LaneRowViewModel("B1", "出口1", "exit"));
        tariff.addListener((o, a, b) -> sampleQuote.set(quote(b)));
        sampleQuote.set(quote(tariff.get()));
    }

    /** The real card test: the lane's port through the LED card driver. */
    public static CardTester serialTester(Clock clock) {
        return (port, address, baud) -> CardProbe.probe(port, address, baud, SerialSettings.Parity.NONE,
                Duration.ofMillis(800), clock);
    }

    /** The real site database test (SiteDatabaseProbe: the PostgreSQL driver, as the booth connects). */
    public static DatabaseTester siteDatabaseTester() {
        return (url, user, password) -> {
            com.boothdesk.app.site.SiteDatabaseProbe.Result r =
                    com.boothdesk.app.site.SiteDatabaseProbe.probe(url, user, password);
            return new DatabaseTest(r.ok(), r.text());
        };
    }

    /** Another site database test (tests). */
    public void useDatabaseTester(DatabaseTester tester) {
        this.databaseTester = java.util.Objects.requireNonNull(tester, "tester");
    }

    // ---- commands ----------------------------------------------------------------------------------------

    /** "Commission this booth": shows the form. */
    public void startCommissioning() {
        formShown.set(true);
    }

    public void chooseDemo() {
        outcome.set(Outcome.DEMO);
    }

    public void cancel() {
        outcome.set(Outcome.CANCELLED);
    }

    public LaneRowViewModel addLane() {
        int n = lanes.size() + 1;
        LaneRowViewModel row = new LaneRowViewModel("L" + n, "车道" + n, n % 2 == 1 ? "entry" : "exit");
        lanes.add(row);
        return row;
    }

    public void removeLane(LaneRowViewModel row) {
        lanes.remove(row);
    }

    /** Sends a test frame to the lane's card on the background executor; the result shows on the row. */
    public void testCard(LaneRowViewModel row) {
        Map<String, String> problems = SiteFile.check(site());
        String k = "lane." + row.id.get() + ".";
        for (String key : new String[] {k + "card.port", k + "card.address", k + "card.baud"}) {
            if (problems.containsKey(key)) {
                row.testResult.set(problems.get(key));
                row.testPassed.set(false);
                return;
            }
        }
        String port = row.cardPort.get().trim();
        int address = Integer.parseInt(row.cardAddress.get().trim());
        int baud = Integer.parseInt(row.cardBaud.get().trim());
        row.testing.set(true);
        row.testResult.set("测试中 / testing " + port + " …");
        background.execute(() -> {
            CardProbe.Result r = tester.test(port, address, baud);
            UiThread.run(() -> {
                row.testing.set(false);
                row.testPassed.set(r.acked());
                row.testResult.set(r.text());
            });
        });
    }

    /**
     * Connects to the site database with what was entered, on the background executor; the result shows under the
     * fields. A field that cannot be right (no PostgreSQL address, no user or password) is named instead.
     */
    public void testDatabase() {
        Map<String, String> problems = SiteFile.check(site());
        for (String key : new String[] {"store.url", "store.user", "store.password"}) {
            if (problems.containsKey(key)) {
                databaseTestResult.set(problems.get(key));
                databaseTestPassed.set(false);
                return;
            }
        }
        if (!siteDatabase.get()) {
            databaseTestResult.set("本岗亭使用自己的数据库文件, 无需测试 / this booth keeps its own file: nothing to test");
            databaseTestPassed.set(true);
            return;
        }
        String url = storeUrl.get().trim();
        String user = storeUser.get().trim();
        String password = storePassword.get();
        databaseTesting.set(true);
        databaseTestResult.set("测试中 / testing " + url + " …");
        background.execute(() -> {
            DatabaseTest r;
            try {
                r = databaseTester.test(url, user, password);
            } catch (RuntimeException e) {
                r = new DatabaseTest(false, "测试失败 / the test failed: " + e);
            }
            DatabaseTest result = r;
            ui.execute(() -> {
                databaseTesting.set(false);
                databaseTestPassed.set(result.ok());
                databaseTestResult.set(result.text());
            });
        });
    }

    /** Checks every field; true when the site is sound. */
    public boolean validate() {
        checked = true;
        Map<String, String> problems = SiteFile.check(site());
        errors.clear();
        errors.putAll(problems);
        status.set(problems.isEmpty() ? "" : "请修正 " + problems.size() + " 处 / fix " + problems.size()
                + " field(s): " + problems.values().iterator().next());
        return problems.isEmpty();
    }

    /** Validates, writes the site file (and secrets, tariff), calls the admin hook; the outcome becomes COMMISSIONED. */
    public boolean commission() {
        if (!validate()) {
            return false;
        }
        try {
            Path file = SiteFile.write(dataDir, site());
            if (adminHook != null) {
                adminHook.siteWritten(dataDir);
            }
            status.set("已写入 / written: " + file);
            outcome.set(Outcome.COMMISSIONED);
            return true;
        } catch (ConfigException | IOException e) {
            status.set("无法写入 / cannot write the site file: " + e.getMessage());
            return false;
        }
    }

    SiteFile.Site site() {
        return new SiteFile.Site(parkId.get(), unionId.get(), secret.get(), cloudMode.get(), cloudHost.get(),
                cloudPort.get(), cameraPort.get(), cameraAllowed.get(), tariff.get(),
                lanes.stream().map(LaneRowViewModel::entry).toList(),
                new SiteFile.SiteDatabase(boothId.get(), siteDatabase.get() ? storeUrl.get() : "", storeUser.get(),
                        storePassword.get()));
    }

    private String quote(String tariffName) {
        if (tariffName == null) {
            return "";
        }
        try {
            Tariff t = Tariffs.packed(tariffName);
            String vehicleClass = t.classes().containsKey("small") ? "small" : t.classes().keySet().iterator().next();
            ZoneId zone = ZoneId.of("Asia/Shanghai");
            ZonedDateTime in = ZonedDateTime.now(clock.withZone(zone)).withHour(9).withMinute(0).withSecond(0)
                    .withNano(0);
            Function<Duration, String> price = stay -> {
                FeeQuote q = new FeeEngine(zone).quote(t, vehicleClass, in.toInstant(), in.plus(stay).toInstant());
                return Fen.format(q.totalFen());
            };
            return "示例 / sample (" + vehicleClass + ", 09:00 入场): 30 分钟 " + price.apply(Duration.ofMinutes(30))
                    + " 元 · 2 小时30分 " + price.apply(Duration.ofMinutes(150)) + " 元 · 10 小时 "
                    + price.apply(Duration.ofHours(10)) + " 元";
        } catch (TariffException | RuntimeException e) {
            return "收费标准无效 / tariff not usable: " + e.getMessage();
        }
    }

    // ---- properties --------------------------------------------------------------------------------------

    public StringProperty boothIdProperty() {
        return boothId;
    }

    public javafx.beans.property.BooleanProperty siteDatabaseProperty() {
        return siteDatabase;
    }

    public StringProperty storeUrlProperty() {
        return storeUrl;
    }

    public StringProperty storeUserProperty() {
        return storeUser;
    }

    public StringProperty storePasswordProperty() {
        return storePassword;
    }

    public javafx.beans.property.ReadOnlyBooleanProperty databaseTestingProperty() {
        return databaseTesting.getReadOnlyProperty();
    }

    public javafx.beans.property.ReadOnlyBooleanProperty databaseTestPassedProperty() {
        return databaseTestPassed.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty databaseTestResultProperty() {
        return databaseTestResult.getReadOnlyProperty();
    }

    public StringProperty parkIdProperty() {
        return parkId;
    }

    public StringProperty unionIdProperty() {
        return unionId;
    }

    public StringProperty secretProperty() {
        return secret;
    }

    public StringProperty cloudModeProperty() {
        return cloudMode;
    }

    public StringProperty cloudHostProperty() {
        return cloudHost;
    }

    public StringProperty cloudPortProperty() {
        return cloudPort;
    }

    public StringProperty cameraPortProperty() {
        return cameraPort;
    }

    public StringProperty cameraAllowedProperty() {
        return cameraAllowed;
    }

    public ObjectProperty<String> tariffProperty() {
        return tariff;
    }

    public ObservableList<String> tariffs() {
        return tariffs;
    }

    public ReadOnlyStringProperty sampleQuoteProperty() {
        return sampleQuote.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public javafx.beans.property.ReadOnlyBooleanProperty formShownProperty() {
        return formShown.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Outcome> outcomeProperty() {
        return outcome.getReadOnlyProperty();
    }

    public ObservableList<LaneRowViewModel> lanes() {
        return lanes;
    }

    /** Problems by configuration key (e.g. {@code cloud.park_id}, {@code lane.A1.card.port}). */
    public ObservableMap<String, String> errors() {
        return errors;
    }

    public Path dataDir() {
        return dataDir;
    }
}
