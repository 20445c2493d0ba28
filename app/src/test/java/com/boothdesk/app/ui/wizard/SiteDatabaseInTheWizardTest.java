package com.boothdesk.app.ui.wizard;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.boothdesk.app.config.BoothConfig;
import com.boothdesk.app.config.StoreSettings;
import com.boothdesk.app.ops.CardProbe;
import com.boothdesk.app.site.SitePostgres;

/**
 * Commissioning points a booth at the site database (issue 16): the booth's id, "share the site database", its
 * address, user and password, a test button that connects to a real PostgreSQL, and what is written: the address and
 * user in the site file, the password only in the owner-only secrets file, the booth's own cloud local_id.
 */
class SiteDatabaseInTheWizardTest {

    @TempDir
    Path data;

    private final List<Runnable> background = new ArrayList<>();

    private CommissionViewModel vm() {
        CommissionViewModel vm = new CommissionViewModel(data, background::add,
                (port, address, baud) -> new CardProbe.Result(true, "ACK 0"), d -> { }, Clock.systemUTC());
        vm.ui = Runnable::run;
        vm.parkIdProperty().set("24155");
        vm.unionIdProperty().set("200128");
        vm.secretProperty().set("S3CRET-KEY-01");
        vm.cloudHostProperty().set("10.0.0.5");
        vm.cloudPortProperty().set("9003");
        vm.cameraAllowedProperty().set("192.168.1.64");
        for (LaneRowViewModel row : vm.lanes()) {
            row.cameraProperty().set("CAM-" + row.idProperty().get());
            row.cardPortProperty().set("/dev/ttyUSB0");
        }
        return vm;
    }

    private void runBackground() {
        List<Runnable> now = new ArrayList<>(background);
        background.clear();
        now.forEach(Runnable::run);
    }

    private static String pgUrl(String database) {
        return "jdbc:postgresql://localhost:" + SitePostgres.server().getPort() + "/" + database;
    }

    @Test
    void aSingleBoothKeepsItsOwnFileAndNamesItselfInTheCloudLocalId() throws Exception {
        CommissionViewModel vm = vm();
        vm.boothIdProperty().set("gangting2");
        assertThat(vm.commission()).as(vm.errors().toString()).isTrue();
        Properties site = load(data.resolve("boothdesk.properties"));
        assertThat(site.getProperty("booth.id")).isEqualTo("gangting2");
        assertThat(site.getProperty("cloud.local_id")).isEqualTo("gangting2_channels_A1_B1");
        assertThat(site.getProperty("store.url")).isNull();
        assertThat(StoreSettings.from(BoothConfig.load(data, null, new Properties())).embedded()).isTrue();
    }

    @Test
    void aWrongAddressOrAMissingPasswordIsNamedAndTheTestDoesNotConnect() {
        CommissionViewModel vm = vm();
        vm.siteDatabaseProperty().set(true);
        vm.storeUrlProperty().set("postgres://server/boothdesk");
        vm.storePasswordProperty().set("");
        assertThat(vm.validate()).isFalse();
        assertThat(vm.errors()).containsKeys("store.url", "store.password");
        assertThat(vm.errors().get("store.url")).contains("站点数据库").contains("jdbc:postgresql://");
        vm.testDatabase();
        assertThat(background).as("nothing to connect to").isEmpty();
        assertThat(vm.databaseTestResultProperty().get()).contains("jdbc:postgresql://");
        assertThat(vm.databaseTestPassedProperty().get()).isFalse();

        vm.storeUrlProperty().set("jdbc:postgresql://server:5432/boothdesk?password=x");
        vm.storePasswordProperty().set("pw");
        assertThat(vm.validate()).isFalse();
        assertThat(vm.errors()).containsOnlyKeys("store.url");
        assertThat(vm.errors().get("store.url")).contains("no password in the address");
        vm.boothIdProperty().set("booth 2");
        assertThat(vm.errors()).containsKey("booth.id");
    }

    @Test
    void theTestConnectsToARealPostgresAndSaysWhatItFoundOrWhy() {
        CommissionViewModel vm = vm();
        vm.siteDatabaseProperty().set(true);
        String url = SitePostgres.freshDatabase();
        String name = url.substring(url.lastIndexOf('/') + 1).replaceAll("\\?.*", "");
        vm.storeUrlProperty().set(pgUrl(name));
        vm.storeUserProperty().set(SitePostgres.USER);
        vm.storePasswordProperty().set("any");
        vm.testDatabase();
        assertThat(vm.databaseTestingProperty().get()).isTrue();
        runBackground();
        assertThat(vm.databaseTestingProperty().get()).isFalse();
        assertThat(vm.databaseTestPassedProperty().get()).as(vm.databaseTestResultProperty().get()).isTrue();
        assertThat(vm.databaseTestResultProperty().get()).contains("连接成功").contains("PostgreSQL")
                .contains("schema: none yet");

        vm.storeUrlProperty().set(pgUrl("no_such_site_db"));
        vm.testDatabase();
        runBackground();
        assertThat(vm.databaseTestPassedProperty().get()).isFalse();
        assertThat(vm.databaseTestResultProperty().get()).contains("数据库不存在");

        vm.storeUrlProperty().set(pgUrl(name));
        vm.storeUserProperty().set("nobody_here");
        vm.testDatabase();
        runBackground();
        assertThat(vm.databaseTestPassedProperty().get()).isFalse();
        assertThat(vm.databaseTestResultProperty().get()).contains("数据库拒绝登录");

        vm.storeUrlProperty().set("jdbc:postgresql://127.0.0.1:1/boothdesk");
        vm.storeUserProperty().set(SitePostgres.USER);
        vm.testDatabase();
        runBackground();
        assertThat(vm.databaseTestPassedProperty().get()).isFalse();
        assertThat(vm.databaseTestResultProperty().get()).contains("无法连接");
    }

    @Test
    void theAddressAndUserGoToTheSiteFileAndThePasswordOnlyToTheSecretsFile() throws Exception {
        CommissionViewModel vm = vm();
        vm.boothIdProperty().set("booth3");
        vm.siteDatabaseProperty().set(true);
        vm.storeUrlProperty().set("jdbc:postgresql://192.168.1.10:5432/boothdesk");
        vm.storeUserProperty().set("boothdesk");
        vm.storePasswordProperty().set("p#ss=w0rd:site");
        assertThat(vm.commission()).as(vm.errors().toString()).isTrue();

        String siteText = Files.readString(data.resolve("boothdesk.properties"));
        assertThat(siteText).contains("store.url=jdbc:postgresql://192.168.1.10:5432/boothdesk")
                .doesNotContain("p#ss");
        Properties site = load(data.resolve("boothdesk.properties"));
        assertThat(site.getProperty("store.user")).isEqualTo("boothdesk");
        assertThat(site.getProperty("cloud.local_id")).isEqualTo("booth3_channels_A1_B1");
        assertThat(load(data.resolve("secrets.properties")).getProperty("store.password")).isEqualTo("p#ss=w0rd:site");

        StoreSettings store = StoreSettings.from(BoothConfig.load(data, null, new Properties()));
        assertThat(store.embedded()).isFalse();
        assertThat(store.url()).isEqualTo("jdbc:postgresql://192.168.1.10:5432/boothdesk");
        assertThat(store.user()).isEqualTo("boothdesk");
        assertThat(store.password()).isEqualTo("p#ss=w0rd:site");
        assertThat(store.boothId()).isEqualTo("booth3");
    }

    private static Properties load(Path file) throws Exception {
        Properties p = new Properties();
        try (var r = Files.newBufferedReader(file)) {
            p.load(r);
        }
        return p;
    }
}
