package com.boothdesk.app.ops;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Where the booth keeps its data when {@code --data} is not given. A checkout ({@code ./boothdesk run}) uses
 * {@code ./data}. An installed booth (the jpackage launcher sets {@code -Dboothdesk.installed=true}) never writes
 * into the program folder: {@code %ProgramData%\BoothDesk} on Windows, {@code $XDG_DATA_HOME/boothdesk} (default
 * {@code ~/.local/share/boothdesk}) on Linux. {@code -Dboothdesk.data=DIR} or {@code BOOTHDESK_DATA} override both.
 */
public final class DataFolder {

    public static final String INSTALLED_PROPERTY = "boothdesk.installed";

    private DataFolder() {
    }

    public static boolean installed() {
        return Boolean.getBoolean(INSTALLED_PROPERTY);
    }

    public static Path defaultFolder() {
        return defaultFolder(installed(), System.getProperty("os.name", ""), System.getenv(),
                System.getProperty("user.home", "."), System.getProperty("boothdesk.data"));
    }

    static Path defaultFolder(boolean installed, String os, Map<String, String> env, String home, String property) {
        if (property != null && !property.isBlank()) {
            return Path.of(property);
        }
        String fromEnv = env.get("BOOTHDESK_DATA");
        if (fromEnv != null && !fromEnv.isBlank()) {
            return Path.of(fromEnv);
        }
        if (!installed) {
            return Path.of("data");
        }
        if (os.toLowerCase(Locale.ROOT).startsWith("windows")) {
            String pd = env.getOrDefault("ProgramData", env.getOrDefault("PROGRAMDATA", "C:\\ProgramData"));
            return Path.of(pd, "BoothDesk");
        }
        String xdg = env.get("XDG_DATA_HOME");
        return xdg != null && !xdg.isBlank() ? Path.of(xdg, "boothdesk") : Path.of(home, ".local", "share", "boothdesk");
    }
}
