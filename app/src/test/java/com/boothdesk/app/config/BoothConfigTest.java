package com.boothdesk.app.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.boothdesk.app.domain.lane.LaneDirection;

class BoothConfigTest {

    @TempDir
    Path data;

    @Test
    void theBuiltInDefaultsAreTheDemo() {
        BoothConfig c = BoothConfig.load(data, null, null);
        assertThat(c.cloud().mode()).isEqualTo(BoothConfig.CloudMode.SIMULATOR);
        assertThat(c.demo().enabled()).isTrue();
        assertThat(c.lanes()).extracting(l -> l.lane().direction())
                .containsExactly(LaneDirection.ENTRY, LaneDirection.EXIT);
        assertThat(c.lane("B1").simulatedCard()).isTrue();
        assertThat(c.zone().getId()).isEqualTo("Asia/Shanghai");
    }

    @Test
    void aSiteFileInTheDataFolderOverridesOnlyWhatItSets() throws Exception {
        Files.writeString(data.resolve("boothdesk.properties"),
                "cloud.mode=tcp\ncloud.host=10.0.0.5\ncloud.port=6789\nlane.B1.name=南门出口\n", StandardCharsets.UTF_8);
        BoothConfig c = BoothConfig.load(data, null, null);
        assertThat(c.cloud().mode()).isEqualTo(BoothConfig.CloudMode.TCP);
        assertThat(c.cloud().port()).isEqualTo(6789);
        assertThat(c.lane("B1").lane().name()).isEqualTo("南门出口");
        assertThat(c.lane("A1").lane().name()).isEqualTo("入口1");
    }

    @Test
    void areasGiveTheCapacityAndEachLaneItsArea() {
        Properties p = new Properties();
        p.setProperty("park.areas", "地上,地下");
        p.setProperty("area.地上.capacity", "120");
        p.setProperty("area.地下.capacity", "80");
        p.setProperty("lane.B1.area", "地下");
        BoothConfig c = BoothConfig.load(data, null, p);
        assertThat(c.capacity()).isEqualTo(200);
        assertThat(c.areas()).containsExactly(Map.entry("地上", 120), Map.entry("地下", 80));
        assertThat(c.laneAreas()).containsExactly(Map.entry("A1", "地上"), Map.entry("B1", "地下"));
        p.setProperty("lane.B1.area", "屋顶");
        assertThatThrownBy(() -> BoothConfig.load(data, null, p)).hasMessageContaining("lane.B1.area");
    }

    @Test
    void wrongValuesAreRefusedWithTheKeyAndTheValue() {
        assertThatThrownBy(() -> load("park.capacity", "lots")).hasMessage("park.capacity: 'lots' is not a whole number");
        assertThatThrownBy(() -> load("cloud.mode", "carrier-pigeon"))
                .hasMessageContaining("cloud.mode: 'carrier-pigeon' is not one of");
        assertThatThrownBy(() -> load("lane.A1.direction", "sideways")).hasMessageContaining("lane.A1.direction");
        assertThatThrownBy(() -> load("lane.A1.card.address", "300")).hasMessage("lane.A1.card.address: 300 is outside 0..255");
        assertThatThrownBy(() -> load("lanes", "A-1")).hasMessageContaining("lane id 'A-1'");
        assertThatThrownBy(() -> load("park.zone", "Mars/Olympus")).hasMessageContaining("park.zone");
        assertThatThrownBy(() -> BoothConfig.load(data, data.resolve("missing.properties"), null))
                .hasMessageContaining("does not exist");
    }

    private BoothConfig load(String key, String value) {
        Properties p = new Properties();
        p.setProperty(key, value);
        return BoothConfig.load(data, null, p);
    }
}
