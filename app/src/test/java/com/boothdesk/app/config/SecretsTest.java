package com.boothdesk.app.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretsTest {

    @TempDir
    Path data;

    private BoothConfig load(Map<String, String> env, Properties overrides) {
        return BoothConfig.load(data, null, overrides, env);
    }

    @Test
    void theSecretsFileAndThenTheEnvironmentReplaceTheSiteFilesSecret() throws Exception {
        Files.writeString(data.resolve("boothdesk.properties"), "cloud.secret=FROM-SITE\n");
        assertThat(load(Map.of(), null).cloud().secret()).isEqualTo("FROM-SITE");

        Files.writeString(data.resolve(Secrets.FILE), "cloud.secret=FROM-FILE\n");
        assertThat(load(Map.of(), null).cloud().secret()).isEqualTo("FROM-FILE");

        assertThat(load(Map.of(Secrets.ENV, "FROM-ENV"), null).cloud().secret()).isEqualTo("FROM-ENV");

        Properties cli = new Properties();
        cli.setProperty("cloud.secret", "FROM-CLI");
        assertThat(load(Map.of(Secrets.ENV, "FROM-ENV"), cli).cloud().secret()).isEqualTo("FROM-CLI");
    }

    @Test
    void anEmptySecretsFileOrVariableChangesNothing() throws Exception {
        Files.writeString(data.resolve(Secrets.FILE), "# nothing yet\ncloud.secret=\n");
        assertThat(load(Map.of(Secrets.ENV, " "), null).cloud().secret())
                .isEqualTo(BoothConfig.defaults().getProperty("cloud.secret"));
    }

    @Test
    void aSecretOnTheCommandLineIsWarnedAbout() {
        assertThat(Secrets.commandLineWarning(Map.of("demo.enabled", "false"))).isNull();
        assertThat(Secrets.commandLineWarning(Map.of("cloud.secret", "X")))
                .contains("process list").contains(Secrets.FILE).contains(Secrets.ENV).doesNotContain("X ");
    }
}
