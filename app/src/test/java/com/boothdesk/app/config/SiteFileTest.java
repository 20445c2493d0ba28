package com.boothdesk.app.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.boothdesk.app.ops.OwnerOnly;

class SiteFileTest {

    @TempDir
    Path data;

    static SiteFile.Site good() {
        return new SiteFile.Site("24155", "200128", "S3CRET-KEY-01", "tcp", "cloud.example.cn", "9003", "8088",
                "192.168.1.64, 192.168.1.65", "taizhou-ladder.json",
                List.of(new SiteFile.LaneEntry("A1", "入口1", "entry", "CAM-A1", "/dev/ttyUSB0", "0", "9600", "card"),
                        new SiteFile.LaneEntry("B1", "出口1", "exit", "192.168.1.65", "COM3", "1", "19200", "camera")));
    }

    @Test
    void aSoundSiteIsWrittenAndStartsWithTheSecretKeptApart() throws Exception {
        assertThat(SiteFile.check(good())).isEmpty();
        Path file = SiteFile.write(data, good());
        assertThat(Files.readString(file)).contains("cloud.park_id=24155").contains("lane.B1.gate=camera")
                .contains("demo.enabled=false").doesNotContain("S3CRET");
        assertThat(OwnerOnly.isOwnerOnly(data.resolve(Secrets.FILE))).isTrue();
        BoothConfig cfg = BoothConfig.load(data, null, null, Map.of());
        assertThat(cfg.cloud().secret()).isEqualTo("S3CRET-KEY-01");
        assertThat(cfg.cloud().mode()).isEqualTo(BoothConfig.CloudMode.TCP);
        assertThat(cfg.demo().enabled()).isFalse();
        assertThat(cfg.lanes()).extracting(l -> l.lane().id()).containsExactly("A1", "B1");
        assertThat(cfg.lane("B1").cardBaud()).isEqualTo(19200);
        assertThat(TariffSource.configured(cfg)).isNotNull();
        assertThat(data.resolve("tariffs/taizhou-ladder.json")).isRegularFile();
    }

    @Test
    void everyBadFieldIsNamedWithItsValue() {
        SiteFile.Site bad = new SiteFile.Site("", "20 01", "short", "tcp", "", "70000", "x", "192.168.1.64, cam",
                "nope.json", List.of(
                new SiteFile.LaneEntry("A1", "", "sideways", "", "LPT1", "300", "1000", "relay"),
                new SiteFile.LaneEntry("A1", "出口", "exit", "C", "sim", "0", "9600", "card")));
        Map<String, String> e = SiteFile.check(bad);
        assertThat(e).containsKeys("cloud.park_id", "cloud.union_id", "cloud.secret", "cloud.host", "cloud.port",
                "camera.http.port", "camera.allowed", "fee.tariff", "lanes", "lane.A1.name", "lane.A1.direction",
                "lane.A1.camera", "lane.A1.card.port", "lane.A1.card.address", "lane.A1.card.baud", "lane.A1.gate");
        assertThat(e.get("cloud.park_id")).contains("park id").contains("required");
        assertThat(e.get("cloud.union_id")).contains("union id").contains("'20 01'");
        assertThat(e.get("cloud.port")).contains("70000").contains("1..65535");
        assertThat(e.get("camera.allowed")).contains("'cam'");
        assertThat(e.get("lanes")).contains("A1").contains("twice");
        assertThat(e.get("lane.A1.card.port")).contains("LPT1").contains("COM3");
        assertThat(e.get("lane.A1.direction")).contains("sideways");
        assertThatThrownBy(() -> SiteFile.write(data, bad)).isInstanceOf(ConfigException.class);
        assertThat(data.resolve(SiteFile.NAME)).doesNotExist();
    }

    @Test
    void aHandEditedWrongSiteFileStopsTheStartWithKeyValueAndExpectation() throws Exception {
        SiteFile.write(data, good());
        Path file = data.resolve(SiteFile.NAME);
        Files.writeString(file, Files.readString(file).replace("lane.A1.card.address=0", "lane.A1.card.address=x1"));
        assertThatThrownBy(() -> BoothConfig.load(data, null, null, Map.of())).isInstanceOf(ConfigException.class)
                .hasMessageContaining("lane.A1.card.address").hasMessageContaining("'x1'")
                .hasMessageContaining("whole number");
    }

    @Test
    void controlCharactersInAValueAreShownEscaped() {
        SiteFile.Site s = good();
        SiteFile.Site bad = new SiteFile.Site("24\n155", s.unionId(), s.secret(), s.cloudMode(), s.cloudHost(),
                s.cloudPort(), s.cameraPort(), s.cameraAllowed(), s.tariff(), s.lanes());
        assertThat(SiteFile.check(bad).get("cloud.park_id")).contains("24\\u000a155").doesNotContain("\n");
    }
}
