package com.boothdesk.app.ui.backoffice.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.boothdesk.app.config.BoothConfig;
import com.boothdesk.app.config.StoreSettings;
import com.boothdesk.app.domain.fee.FeeQuote;
import com.boothdesk.app.domain.fee.Tariff;
import com.boothdesk.app.settings.BackOfficeSettings;
import com.boothdesk.app.site.SitePostgres;
import com.boothdesk.app.store.Database;
import com.boothdesk.app.store.history.JdbcAudit;
import com.boothdesk.app.ui.Messages;
import com.boothdesk.app.ui.backoffice.BackOfficeEnv;
import com.boothdesk.app.ui.backoffice.port.BackOfficePorts;
import com.boothdesk.sdk.outbox.JdbcOutbox;

/**
 * The settings screen's 岗亭与数据库 tab on its view-model (no robot): a real {@link BackOfficeSettings} over a data
 * folder in a temp directory (its site file, its owner-only secrets file, the audit log in a real H2 file), the
 * connection test against the suite's real PostgreSQL, and the UI executor a queue the test drains, so "testing…"
 * is seen before the probe has run.
 */
class StoreSettingsViewModelTest {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    static final Instant NOW = Instant.parse("2026-11-25T06:00:00Z");

    @TempDir
    Path data;
    Database audits;
    BackOfficeSettings settings;
    final ArrayDeque<Runnable> uiExecutor = new ArrayDeque<>();
    boolean supervisor = true;

    @BeforeEach
    void setUp() throws IOException {
        Files.writeString(data.resolve("boothdesk.properties"), "# the site\nbooth.id=B1\n"
                + "cloud.local_id=B1_channels_E1_X1\ncloud.park_id=200002\n", StandardCharsets.UTF_8);
        Files.writeString(data.resolve("secrets.properties"), "cloud.secret=EA2D90FEEF1E9F8E\n", StandardCharsets.UTF_8);
        audits = Database.open(data.resolve("db"));
        settings = new BackOfficeSettings(data, null, null, new JdbcAudit(audits), null, Clock.fixed(NOW, ZONE), null);
    }

    @AfterEach
    void tearDown() {
        audits.close();
    }

    private SettingsViewModel vm(Locale locale) {
        BackOfficeEnv env = new BackOfficeEnv(new Messages(locale), ZONE, Clock.fixed(NOW, ZONE), Runnable::run,
                uiExecutor::add);
        SettingsViewModel vm = new SettingsViewModel(new Port(), new BackOfficePorts.Access() {
            @Override
            public String who() {
                return "zhang";
            }

            @Override
            public boolean canChange() {
                return supervisor;
            }
        }, env);
        vm.start();
        drain();
        return vm;
    }

    /** Runs what was handed to the UI executor (and what that hands on). */
    private void drain() {
        while (!uiExecutor.isEmpty()) {
            uiExecutor.poll().run();
        }
    }

    private String site() throws IOException {
        return Files.readString(data.resolve("boothdesk.properties"), StandardCharsets.UTF_8);
    }

    private String secrets() throws IOException {
        return Files.readString(data.resolve("secrets.properties"), StandardCharsets.UTF_8);
    }

    private static void server(SettingsViewModel vm, String url) {
        // jdbc:postgresql://localhost:PORT/DB?user=… as the embedded server gives it
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("jdbc:postgresql://([^:/]+):(\\d+)/([^?]+).*")
                .matcher(url);
        assertThat(m.matches()).as(url).isTrue();
        vm.siteDatabase().set(true);
        vm.storeHost().set(m.group(1));
        vm.storePort().set(m.group(2));
        vm.storeDatabase().set(m.group(3));
        vm.storeUser().set(SitePostgres.USER);
        vm.storePassword().set("any"); // the embedded server trusts loopback
    }

    @Test
    void theTabShowsThisBoothAndSavingASiteDatabaseKeepsThePasswordInTheSecretsFileAndSaysARestartMovesNothing()
            throws Exception {
        SettingsViewModel vm = vm(Locale.SIMPLIFIED_CHINESE);
        assertThat(vm.storeOffered().get()).isTrue();
        assertThat(vm.boothId().get()).isEqualTo("B1");
        assertThat(vm.siteDatabase().get()).isFalse();
        assertThat(vm.passwordStored().get()).isFalse();

        vm.boothId().set("B2");
        vm.siteDatabase().set(true);
        vm.storeHost().set("192.168.1.10");
        vm.storePort().set("5432");
        vm.storeDatabase().set("boothdesk");
        vm.storeUser().set("booth");
        vm.storePassword().set("s3cr=t!pw");
        vm.saveStore();
        drain();

        assertThat(vm.storeStatus().get()).contains("岗亭编号改为 B2").contains("B2_channels_E1_X1")
                .contains("重启").contains("192.168.1.10:5432/boothdesk").contains("不会自动迁移").contains("不会删除");
        assertThat(vm.status().get()).contains("重启");
        String site = site();
        assertThat(site).contains("booth.id=B2").contains("cloud.local_id=B2_channels_E1_X1")
                .contains("store.url=jdbc\\:postgresql\\://192.168.1.10\\:5432/boothdesk").contains("store.user=booth")
                .contains("# the site").contains("cloud.park_id=200002").doesNotContain("s3cr");
        assertThat(secrets()).contains("cloud.secret=EA2D90FEEF1E9F8E").contains("store.password=s3cr\\=t\\!pw");
        if (data.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            assertThat(java.nio.file.attribute.PosixFilePermissions.toString(
                    Files.getPosixFilePermissions(data.resolve("secrets.properties")))).isEqualTo("rw-------");
        }
        // the booth's own start-up reads what was saved
        StoreSettings store = StoreSettings.from(BoothConfig.load(data, null, new Properties(), Map.of()));
        assertThat(store.url()).isEqualTo("jdbc:postgresql://192.168.1.10:5432/boothdesk");
        assertThat(store.user()).isEqualTo("booth");
        assertThat(store.password()).isEqualTo("s3cr=t!pw");
        assertThat(store.boothId()).isEqualTo("B2");
        // the form shows the stored password as stored, never the password itself; the audit says *** for it
        assertThat(vm.storePassword().get()).isEmpty();
        assertThat(vm.passwordStored().get()).isTrue();
        assertThat(vm.audit()).anySatisfy(l -> assertThat(l).contains("zhang").contains("store.url"))
                .anySatisfy(l -> assertThat(l).contains("store.password").contains("***"))
                .noneSatisfy(l -> assertThat(l).contains("s3cr"));

        // saved again unchanged, with the password field left empty: nothing changes, the password is kept
        vm.saveStore();
        drain();
        assertThat(vm.storeStatus().get()).isEqualTo("岗亭与数据库设置没有变化");
        assertThat(secrets()).contains("store.password=s3cr\\=t\\!pw");

        // back to this booth's own file: the server's data stays there, the password leaves the secrets file
        vm.siteDatabase().set(false);
        vm.saveStore();
        drain();
        assertThat(vm.storeStatus().get()).contains("本机数据库文件").contains("仍留在服务器上");
        assertThat(StoreSettings.from(BoothConfig.load(data, null, new Properties(), Map.of())).embedded()).isTrue();
        assertThat(secrets()).contains("cloud.secret=EA2D90FEEF1E9F8E").doesNotContain("store.password");
    }

    @Test
    void aWrongFieldIsNamedAndNothingIsWritten() throws Exception {
        SettingsViewModel vm = vm(Locale.SIMPLIFIED_CHINESE);
        String before = site();
        vm.siteDatabase().set(true);
        vm.storeHost().set("db.site");
        vm.storePort().set("99999");
        vm.storePassword().set("pw");
        vm.saveStore();
        drain();
        assertThat(vm.storeStatus().get()).isEqualTo("端口 有误：须在 1～65535 之间，填的是 99999");

        vm.storePort().set("5432");
        vm.storePassword().set("");
        vm.saveStore();
        drain();
        assertThat(vm.storeStatus().get()).isEqualTo("数据库密码 有误：必填");

        vm.storePassword().set("pw");
        vm.boothId().set("B\u00071 x");
        vm.testStore();
        drain();
        assertThat(vm.storeResult().get()).startsWith("岗亭编号 有误：").contains("\\u0007");
        assertThat(vm.storeResultOk().get()).isFalse();
        assertThat(site()).isEqualTo(before);
        assertThat(Files.readString(data.resolve("secrets.properties"))).doesNotContain("store.password");
    }

    @Test
    void aReaderSeesTheSettingsButCannotSaveThem() throws Exception {
        supervisor = false;
        SettingsViewModel vm = vm(Locale.SIMPLIFIED_CHINESE);
        String before = site();
        vm.boothId().set("B9");
        vm.saveStore();
        drain();
        assertThat(vm.status().get()).contains("只读");
        assertThat(site()).isEqualTo(before);
    }

    @Test
    void theConnectionTestRunsOnTheUiExecutorAndSaysWhatItFoundOnARealPostgresql() throws Exception {
        String url = SitePostgres.freshDatabase();
        SettingsViewModel vm = vm(Locale.SIMPLIFIED_CHINESE);
        server(vm, url);

        vm.testStore();
        // handed to the UI executor: the screen says it is testing until the probe has answered
        assertThat(vm.storeTesting().get()).isTrue();
        assertThat(vm.storeResult().get()).startsWith("正在测试 localhost:");
        drain();
        assertThat(vm.storeTesting().get()).isFalse();
        assertThat(vm.storeResultOk().get()).isTrue();
        assertThat(vm.storeResult().get()).startsWith("连接成功：localhost:").contains("PostgreSQL 17")
                .contains("数据库结构尚未建立").contains("尚未发现其他岗亭");

        // the schema made by a booth's start, booth B2 connected now and B3 gone an hour ago
        try (Database db = Database.connect(url, SitePostgres.USER, "", 2)) {
            new JdbcOutbox(db.dataSource(), Clock.fixed(NOW, ZONE), "B2", Duration.ofSeconds(30)).claim(NOW, 1);
            new JdbcOutbox(db.dataSource(), Clock.fixed(NOW, ZONE), "B3", Duration.ofSeconds(30))
                    .claim(NOW.minusSeconds(3600), 1);
        }
        vm.testStore();
        drain();
        assertThat(vm.storeResult().get()).contains("数据库结构已建立（").contains("个迁移，最新 V")
                .contains("本站其他岗亭：B2（在线）、B3（离线）").doesNotContain("注意");
        assertThat(vm.storeResultOk().get()).isTrue();

        // this booth's id is that of a booth connected there now: said, and not shown as a pass
        vm.boothId().set("B2");
        vm.testStore();
        drain();
        assertThat(vm.storeResult().get()).contains("本站其他岗亭：B3（离线）").contains("注意：编号 B2 在该数据库上正在使用");
        assertThat(vm.storeResultOk().get()).isFalse();
    }

    @Test
    void theConnectionTestSaysWhyNotAndFollowsTheLanguage() throws Exception {
        String url = SitePostgres.freshDatabase();
        SettingsViewModel vm = vm(Locale.SIMPLIFIED_CHINESE);
        server(vm, url);
        vm.storeDatabase().set("no_such_db");
        vm.testStore();
        drain();
        assertThat(vm.storeResultOk().get()).isFalse();
        assertThat(vm.storeResult().get()).startsWith("服务器上没有这个数据库：").contains("/no_such_db")
                .contains("createdb -O postgres no_such_db");

        int closed;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closed = s.getLocalPort();
        }
        vm.storeHost().set("127.0.0.1");
        vm.storePort().set(String.valueOf(closed));
        vm.testStore();
        drain();
        assertThat(vm.storeResultOk().get()).isFalse();
        assertThat(vm.storeResult().get()).startsWith("无法连接 127.0.0.1:" + closed + "/no_such_db");

        SettingsViewModel en = vm(Locale.ENGLISH);
        server(en, url);
        en.testStore();
        assertThat(en.storeResult().get()).startsWith("Testing localhost:");
        drain();
        assertThat(en.storeResult().get()).startsWith("Connected: localhost:").contains("no schema yet")
                .contains("no other booth seen yet");
        en.storePort().set(String.valueOf(closed));
        en.testStore();
        drain();
        assertThat(en.storeResult().get()).startsWith("Cannot connect to localhost:" + closed);
        en.siteDatabase().set(false);
        en.testStore();
        drain();
        assertThat(en.storeResult().get()).isEqualTo("This booth keeps its own database file: nothing to test");
        en.siteDatabase().set(true);
        en.storePort().set("5432");
        en.boothId().set("B7");
        en.saveStore();
        drain();
        assertThat(en.storeStatus().get()).contains("This booth's id becomes B7").contains("after a restart")
                .contains("not moved there automatically");
    }

    /** The settings port over the real {@link BackOfficeSettings} (only the store part is used here). */
    final class Port implements BackOfficePorts.Settings {
        @Override
        public String currentTariffJson() {
            return "";
        }

        @Override
        public BackOfficeSettings.TariffCheck check(String json) {
            return new BackOfficeSettings.TariffCheck(null, "no tariff here");
        }

        @Override
        public FeeQuote quote(Tariff tariff, String vehicleClass, Instant in, Instant out) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void applyTariff(String json, String who) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<BackOfficeSettings.Template> templates() {
            return List.of();
        }

        @Override
        public void saveTemplate(BackOfficeSettings.Template t, String who) {
            throw new UnsupportedOperationException();
        }

        @Override
        public CompletableFuture<String> sendToCard(String laneId, List<String> lines, String voice) {
            return CompletableFuture.completedFuture("ACK");
        }

        @Override
        public List<String> devices() {
            return List.of();
        }

        @Override
        public List<String> laneIds() {
            return List.of();
        }

        @Override
        public void setMatchTolerance(String value, String who) {
        }

        @Override
        public void setLanguage(Locale locale, String who) {
        }

        @Override
        public List<JdbcAudit.Entry> audit(int limit) {
            return settings.audit().recent(limit);
        }

        @Override
        public BackOfficeSettings.StoreState store() throws IOException {
            return settings.store();
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
    }
}
