package com.boothdesk.app.testing;

import java.nio.file.Path;
import java.util.Properties;

import com.boothdesk.app.config.BoothConfig;

/** Configuration for tests: the demo's lanes and simulators, without the demo's own traffic. */
public final class TestBooth {

    private TestBooth() {
    }

    public static BoothConfig config(Path data, String... keyValues) {
        Properties p = new Properties();
        p.setProperty("demo.enabled", "false");
        p.setProperty("cloud.heartbeat_seconds", "5");
        for (int i = 0; i + 1 < keyValues.length; i += 2) {
            p.setProperty(keyValues[i], keyValues[i + 1]);
        }
        return BoothConfig.load(data, null, p);
    }
}
