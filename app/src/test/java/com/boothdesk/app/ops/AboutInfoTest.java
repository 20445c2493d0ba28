package com.boothdesk.app.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;


class AboutInfoTest {

    @Test
    void versionBuildTimeProtocolAndDataFolderAreAllThere() {
        AboutInfo about = AboutInfo.of(Path.of("some", "data"));
        assertThat(about.version()).doesNotContain("SNAPSHOT").doesNotContain("${").matches("\\d+\\.\\d+\\.\\d+");
        assertThat(about.buildTime()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
        assertThat(about.dataFolder().isAbsolute() && about.dataFolder().endsWith(Path.of("some", "data"))).isTrue();
        assertThat(String.join("\n", about.lines())).contains("BoothDesk " + about.version())
                .contains(about.dataFolder().toString()).contains(AboutInfo.SDK_VERSION);
    }

    @Test
    void theSdkLineNamesTheFieldsTheLinkLogsInWith() {
        com.boothdesk.sdk.link.TcpLinkSettings.LoginFields plain =
                com.boothdesk.sdk.link.TcpLinkSettings.LoginFields.plain();
        assertThat(plain.version()).isNull();
        assertThat(AboutInfo.SDK_VERSION).contains(String.join("/", com.boothdesk.sdk.link.TcpLinkSettings.LOGIN_IDENTITY))
                .contains("cloud.sdk_version");
    }
}
