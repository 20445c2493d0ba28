package com.boothdesk.app.domain.staff;

import java.time.Duration;
import java.util.Objects;

/**
 * The site's rules for accounts and shifts.
 *
 * @param maxFailures       wrong passwords in a row before the account is locked
 * @param lockFor           how long a locked account stays locked
 * @param minPasswordLength the shortest booth password accepted
 * @param iterations        PBKDF2 iterations for new hashes
 * @param selfServiceFirstPassword whether a collector synced from the cloud may set its own first booth password at
 *                          the log-in screen (otherwise an admin sets it)
 * @param handoverServiceName the service_name the site's cloud expects for the handover record (2.22, INFERRED)
 */
public record StaffSettings(int maxFailures, Duration lockFor, int minPasswordLength, int iterations,
                            boolean selfServiceFirstPassword, SupervisorPolicy supervisor,
                            String handoverServiceName) {

    public static final String DEFAULT_HANDOVER_SERVICE = "upload_shift_handover";

    public StaffSettings {
        Objects.requireNonNull(lockFor, "lockFor");
        Objects.requireNonNull(supervisor, "supervisor");
        if (maxFailures < 1 || minPasswordLength < 4 || iterations < 1) {
            throw new IllegalArgumentException("maxFailures >= 1, minPasswordLength >= 4, iterations >= 1");
        }
        if (handoverServiceName == null || !handoverServiceName.matches("[0-9A-Za-z_]{1,64}")) {
            throw new IllegalArgumentException("staff.handover_service_name: [0-9A-Za-z_]{1,64}");
        }
    }

    public static StaffSettings defaults() {
        return new StaffSettings(5, Duration.ofMinutes(15), 6, PasswordHasher.STANDARD_ITERATIONS, true,
                SupervisorPolicy.defaults(), DEFAULT_HANDOVER_SERVICE);
    }

    public StaffSettings withSupervisor(SupervisorPolicy p) {
        return new StaffSettings(maxFailures, lockFor, minPasswordLength, iterations, selfServiceFirstPassword, p,
                handoverServiceName);
    }

    public StaffSettings withIterations(int n) {
        return new StaffSettings(maxFailures, lockFor, minPasswordLength, n, selfServiceFirstPassword, supervisor,
                handoverServiceName);
    }
}
