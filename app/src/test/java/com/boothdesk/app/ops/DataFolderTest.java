package com.boothdesk.app.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;

class DataFolderTest {

    @Test
    void aCheckoutUsesDataAndAnInstalledBoothNeverItsProgramFolder() {
        assertThat(DataFolder.defaultFolder(false, "Linux", Map.of(), "/home/t", null)).isEqualTo(Path.of("data"));
        assertThat(DataFolder.defaultFolder(true, "Linux", Map.of(), "/home/t", null))
                .isEqualTo(Path.of("/home/t/.local/share/boothdesk"));
        assertThat(DataFolder.defaultFolder(true, "Linux", Map.of("XDG_DATA_HOME", "/srv/x"), "/home/t", null))
                .isEqualTo(Path.of("/srv/x/boothdesk"));
        assertThat(DataFolder.defaultFolder(true, "Windows 11", Map.of("ProgramData", "D:\\PD"), "C:\\Users\\t", null)
                .toString()).contains("PD").endsWith("BoothDesk");
    }

    @Test
    void thePropertyAndTheEnvironmentWin() {
        assertThat(DataFolder.defaultFolder(true, "Linux", Map.of("BOOTHDESK_DATA", "/var/lib/boothdesk"), "/h", null))
                .isEqualTo(Path.of("/var/lib/boothdesk"));
        assertThat(DataFolder.defaultFolder(true, "Linux", Map.of("BOOTHDESK_DATA", "/e"), "/h", "/p"))
                .isEqualTo(Path.of("/p"));
    }
}
