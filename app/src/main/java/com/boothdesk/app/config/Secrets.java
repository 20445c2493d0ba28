package com.boothdesk.app.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;

/**
 * Where the cloud secret comes from, so that it need not sit in clear in the site file or on the command line
 * (where {@code --set cloud.secret=} is visible in the process list):
 * <ol>
 *   <li>the environment variable {@value #ENV} (e.g. set for the service account),</li>
 *   <li>{@code <data>/secrets.properties} ({@value #FILE}, key {@code cloud.secret}), kept readable by the booth's
 *       account only,</li>
 *   <li>the site file or the built-in default (the simulator's demo secret).</li>
 * </ol>
 * A {@code --set cloud.secret=} on the command line still wins (commissioning), with a warning.
 */
public final class Secrets {

    public static final String FILE = "secrets.properties";
    public static final String ENV = "BOOTHDESK_CLOUD_SECRET";
    public static final String KEY = "cloud.secret";

    /** Where the secret came from, when not from the site file or the defaults. */
    public enum Source { ENVIRONMENT, SECRETS_FILE, CONFIGURATION }

    private Secrets() {
    }

    /** Overlays the secrets file and then the environment on {@code p} (the defaults and the site file). */
    static Source overlay(Properties p, Path dataDir, Map<String, String> env) {
        Source source = Source.CONFIGURATION;
        Path file = dataDir.resolve(FILE);
        if (Files.isRegularFile(file)) {
            Properties s = new Properties();
            try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                s.load(r);
            } catch (IOException e) {
                throw new ConfigException("cannot read " + file + ": " + e.getMessage());
            }
            String v = s.getProperty(KEY);
            if (v != null && !v.isBlank()) {
                p.setProperty(KEY, v.trim());
                source = Source.SECRETS_FILE;
            }
            // multi: the site database's password (store.url) lives here too
            String pw = s.getProperty(StoreSettings.PASSWORD_KEY);
            if (pw != null && !pw.isBlank()) {
                p.setProperty(StoreSettings.PASSWORD_KEY, pw.trim());
            }
        }
        String pw = env.get(StoreSettings.PASSWORD_ENV);
        if (pw != null && !pw.isBlank()) {
            p.setProperty(StoreSettings.PASSWORD_KEY, pw.trim());
        }
        String v = env.get(ENV);
        if (v != null && !v.isBlank()) {
            p.setProperty(KEY, v.trim());
            source = Source.ENVIRONMENT;
        }
        return source;
    }

    /** The warning printed when the secret is given on the command line, or null. */
    public static String commandLineWarning(Map<String, String> overrides) {
        if (overrides != null && overrides.containsKey(StoreSettings.PASSWORD_KEY)) {
            return "警告 / warning: --set " + StoreSettings.PASSWORD_KEY + "=… is visible to every user in the process"
                    + " list; put it in <data>/" + FILE + " (readable by the booth's account only) or the environment"
                    + " variable " + StoreSettings.PASSWORD_ENV;
        }
        if (overrides == null || !overrides.containsKey(KEY)) {
            return null;
        }
        return "警告 / warning: --set " + KEY + "=… is visible to every user in the process list; put it in "
                + "<data>/" + FILE + " (readable by the booth's account only) or the environment variable " + ENV;
    }
}
