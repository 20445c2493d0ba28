package com.boothdesk.app.domain.staff;

import java.time.Instant;
import java.util.Objects;

/**
 * A person who may log in at the booth. The {@code userId} is the protocol's 收费员编号 (2.4 / 3.8), what orders carry
 * as {@code uid} / {@code out_uid}.
 *
 * @param credential   the stored PBKDF2 hash ({@link PasswordHasher}), {@code null} while no booth password is set
 *                     (a collector synced from the cloud before its first log-in)
 * @param failedLogins wrong passwords since the last good one
 * @param lockedUntil  no log-in before this moment ({@code null}: not locked)
 */
public record Account(String userId, String name, int sex, Role role, String credential, int failedLogins,
                      Instant lockedUntil) {

    /** The longest user id the protocol carries (2.4 user_id, String 24). */
    public static final int MAX_ID = 24;

    public Account {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(role, "role");
        name = name == null ? "" : name;
        if (failedLogins < 0) {
            throw new IllegalArgumentException("failedLogins < 0");
        }
    }

    /** Checks a user id typed at the booth or received from the cloud. */
    public static String checkId(String userId) {
        String id = userId == null ? "" : userId.trim();
        if (id.isEmpty() || id.length() > MAX_ID || !id.matches("[0-9A-Za-z_\\-.@]+")) {
            throw new IllegalArgumentException("工号只能由 1-" + MAX_ID + " 位字母、数字或 _-.@ 组成");
        }
        return id;
    }

    public boolean hasPassword() {
        return credential != null && !credential.isEmpty();
    }

    public boolean lockedAt(Instant now) {
        return lockedUntil != null && now.isBefore(lockedUntil);
    }

    /** How the person is shown: name and id. */
    public String display() {
        return name.isEmpty() ? userId : name + "(" + userId + ")";
    }

    public Account withCredential(String newCredential) {
        return new Account(userId, name, sex, role, newCredential, 0, null);
    }

    public Account withFailures(int failures, Instant until) {
        return new Account(userId, name, sex, role, credential, failures, until);
    }

    /** Never prints the credential: accounts end up in logs. */
    @Override
    public String toString() {
        return "Account[" + userId + " " + name + " " + role + (hasPassword() ? "" : " no-password")
                + (failedLogins > 0 ? " failed=" + failedLogins : "") + (lockedUntil != null ? " locked<" + lockedUntil : "")
                + "]";
    }
}
