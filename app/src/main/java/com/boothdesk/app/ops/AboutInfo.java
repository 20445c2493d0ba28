package com.boothdesk.app.ops;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;

/**
 * What the About box shows and {@code --version} prints: the version, when it was built, the cloud protocol and
 * the SDK version string the booth logs in with, and the data folder in use.
 *
 * @param sdkVersion what the booth's 停车云 login carries (the identity fields of TcpCloudLink; {@code cloud.sdk_version}
 *                   adds the SDK's {@code version} field)
 */
public record AboutInfo(String version, String buildTime, String protocol, String sdkVersion, Path dataFolder,
                        String runtime) {

    static final String BUILD_RESOURCE = "/com/boothdesk/app/ops/build.properties";
    /** The login fields TcpCloudLink signs by default (AboutInfoTest checks the two agree). */
    public static final String SDK_VERSION = "login " + String.join("/",
            com.boothdesk.sdk.link.TcpLinkSettings.LOGIN_IDENTITY) + " (+ version with cloud.sdk_version)";
    public static final String PROTOCOL = "泊链/停车云 SDK TCP JSON protocol (SDK 2.x, cloud-protocol.md)";

    public static AboutInfo of(Path dataFolder) {
        Properties p = new Properties();
        try (InputStream in = AboutInfo.class.getResourceAsStream(BUILD_RESOURCE)) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            // shown as unknown
        }
        String version = p.getProperty("version", "");
        if (version.isBlank() || version.startsWith("${")) {
            version = "(development build)";
        }
        String built = p.getProperty("build.time", "");
        if (built.isBlank() || built.startsWith("${")) {
            built = "(unknown)";
        }
        return new AboutInfo(version, built, PROTOCOL, SDK_VERSION, dataFolder.toAbsolutePath().normalize(),
                "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + "), "
                        + System.getProperty("os.name") + " " + System.getProperty("os.arch"));
    }

    /** The lines of {@code --version}. */
    public List<String> lines() {
        return List.of("BoothDesk " + version, "built:       " + buildTime, "protocol:    " + protocol,
                "SDK version: " + sdkVersion, "data folder: " + dataFolder, "runtime:     " + runtime);
    }
}
