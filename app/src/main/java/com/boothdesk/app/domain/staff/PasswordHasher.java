package com.boothdesk.app.domain.staff;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Salted slow hashes of booth passwords: PBKDF2 with HMAC-SHA256 from the JDK, 16 random bytes of salt, a 256-bit
 * key, stored as {@code pbkdf2-sha256$<iterations>$<salt>$<hash>} (base64). The iteration count is kept in each
 * hash, so a raised count applies to new passwords and to old ones at their next good log-in
 * ({@link #needsRehash}); verification compares in constant time.
 *
 * <p>{@link #STANDARD_ITERATIONS} is 210,000: OWASP's figure for PBKDF2-HMAC-SHA512 and below its 600,000 for
 * SHA-256. The booth's password is a local log-in with a lock-out after a few failures; one hash at 210,000 took
 * 418 ms on the project's shared 2-core build machine at load average 28 (10 hashes after 3 warm-ups, JDK 17), so
 * far less on an idle booth PC (a log-in, a handover and a supervisor confirmation each verify once, in the
 * background). Sites that want OWASP's SHA-256 figure set {@code staff.pbkdf2_iterations=600000}.
 */
public final class PasswordHasher {

    public static final int STANDARD_ITERATIONS = 210_000;
    /** Below this nothing is accepted for production use; tests may go lower through {@link #forTests}. */
    public static final int MIN_ITERATIONS = 210_000;
    private static final String PREFIX = "pbkdf2-sha256";
    private static final int SALT_BYTES = 16;
    private static final int KEY_BITS = 256;

    private final int iterations;
    private final SecureRandom random;

    private PasswordHasher(int iterations, SecureRandom random) {
        this.iterations = iterations;
        this.random = random;
    }

    /** The production hasher ({@code iterations} ≥ {@link #MIN_ITERATIONS}). */
    public static PasswordHasher of(int iterations) {
        if (iterations < MIN_ITERATIONS) {
            throw new IllegalArgumentException("PBKDF2 iterations must be at least " + MIN_ITERATIONS);
        }
        return new PasswordHasher(iterations, new SecureRandom());
    }

    public static PasswordHasher standard() {
        return of(STANDARD_ITERATIONS);
    }

    /** A fast hasher for unit tests of the rules around it (never used by the application). */
    public static PasswordHasher forTests(int iterations) {
        return new PasswordHasher(Math.max(1, iterations), new SecureRandom());
    }

    public int iterations() {
        return iterations;
    }

    /** A new salted hash of {@code password}; the char array is wiped after use by the caller's choice. */
    public String hash(char[] password) {
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        byte[] key = derive(password, salt, iterations);
        Base64.Encoder b64 = Base64.getEncoder().withoutPadding();
        return PREFIX + "$" + iterations + "$" + b64.encodeToString(salt) + "$" + b64.encodeToString(key);
    }

    /** Whether {@code password} matches {@code stored}; a malformed stored value matches nothing. */
    public boolean verify(char[] password, String stored) {
        if (stored == null || password == null) {
            return false;
        }
        String[] parts = stored.split("\\$");
        if (parts.length != 4 || !parts[0].equals(PREFIX)) {
            return false;
        }
        try {
            int n = Integer.parseInt(parts[1]);
            byte[] salt = Base64.getDecoder().decode(parts[2]);
            byte[] expected = Base64.getDecoder().decode(parts[3]);
            if (n < 1 || n > 10_000_000 || salt.length == 0 || expected.length == 0) {
                return false;
            }
            byte[] actual = derive(password, salt, n);
            return MessageDigest.isEqual(actual, expected);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** Whether a hash was made with fewer iterations than this hasher uses (rehash after a good log-in). */
    public boolean needsRehash(String stored) {
        String[] parts = stored == null ? new String[0] : stored.split("\\$");
        try {
            return parts.length != 4 || Integer.parseInt(parts[1]) < iterations;
        } catch (NumberFormatException e) {
            return true;
        }
    }

    private static byte[] derive(char[] password, byte[] salt, int iterations) {
        PBEKeySpec spec = new PBEKeySpec(password, salt, iterations, KEY_BITS);
        try {
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA256 is not available in this JDK", e);
        } finally {
            spec.clearPassword();
        }
    }

    /** Wipes a password the caller no longer needs. */
    public static void wipe(char[] password) {
        if (password != null) {
            Arrays.fill(password, '\0');
        }
    }
}
