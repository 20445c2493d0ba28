package com.boothdesk.app.store.staff;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;

import com.boothdesk.app.config.ConfigException;
import com.boothdesk.app.domain.staff.PasswordHasher;
import com.boothdesk.app.domain.staff.StaffSettings;
import com.boothdesk.app.domain.staff.SupervisedAction;
import com.boothdesk.app.domain.staff.SupervisorPolicy;
import com.boothdesk.sdk.message.Fen;

/** Reads the {@code staff.*} keys (docs/configuration.md, "Attendants and shifts") of the site's file. */
public final class StaffConfig {

    private StaffConfig() {
    }

    /** The keys of {@code <data>/boothdesk.properties}, over the defaults. */
    public static StaffSettings load(Path dataDir) {
        Properties p = new Properties();
        Path site = dataDir.resolve("boothdesk.properties");
        if (Files.isRegularFile(site)) {
            try (Reader r = Files.newBufferedReader(site, StandardCharsets.UTF_8)) {
                p.load(r);
            } catch (IOException e) {
                throw new ConfigException("cannot read " + site + ": " + e.getMessage());
            }
        }
        return from(p);
    }

    public static StaffSettings from(Properties p) {
        StaffSettings d = StaffSettings.defaults();
        int maxFailures = integer(p, "staff.max_failures", d.maxFailures(), 1, 100);
        int lockMinutes = integer(p, "staff.lock_minutes", (int) d.lockFor().toMinutes(), 1, 24 * 60);
        int minLength = integer(p, "staff.min_password_length", d.minPasswordLength(), 4, 64);
        int iterations = integer(p, "staff.pbkdf2_iterations", d.iterations(), PasswordHasher.MIN_ITERATIONS,
                10_000_000);
        boolean selfService = Boolean.parseBoolean(p.getProperty("staff.first_password_at_login",
                String.valueOf(d.selfServiceFirstPassword())).trim());
        Set<SupervisedAction> actions = EnumSet.noneOf(SupervisedAction.class);
        String list = p.getProperty("staff.supervisor_actions", "close_others_shift");
        for (String s : list.split(",")) {
            if (!s.isBlank()) {
                try {
                    actions.add(SupervisedAction.valueOf(s.trim().toUpperCase(Locale.ROOT)));
                } catch (IllegalArgumentException e) {
                    throw new ConfigException("staff.supervisor_actions: unknown action '" + s.trim() + "' (one of "
                            + EnumSet.allOf(SupervisedAction.class).toString().toLowerCase(Locale.ROOT) + ")");
                }
            }
        }
        long freeAbove;
        try {
            freeAbove = Fen.parse(p.getProperty("staff.supervisor_free_above", "0").trim());
        } catch (NumberFormatException e) {
            throw new ConfigException("staff.supervisor_free_above: not an amount in yuan: " + e.getMessage());
        }
        String service = p.getProperty("staff.handover_service_name", d.handoverServiceName()).trim();
        if (!service.matches("[0-9A-Za-z_]{1,64}")) {
            throw new ConfigException("staff.handover_service_name: only [0-9A-Za-z_], max 64: '" + service + "'");
        }
        return new StaffSettings(maxFailures, Duration.ofMinutes(lockMinutes), minLength, iterations, selfService,
                new SupervisorPolicy(actions, Math.max(0, freeAbove)), service);
    }

    private static int integer(Properties p, String key, int dflt, int min, int max) {
        String v = p.getProperty(key);
        if (v == null || v.isBlank()) {
            return dflt;
        }
        try {
            int n = Integer.parseInt(v.trim());
            if (n < min || n > max) {
                throw new ConfigException(key + ": " + n + " is not in " + min + ".." + max);
            }
            return n;
        } catch (NumberFormatException e) {
            throw new ConfigException(key + ": not a number: '" + v + "'");
        }
    }
}
