package com.boothdesk.app.payment;

import java.time.Duration;
import java.util.Map;

import com.boothdesk.app.config.ConfigException;

/**
 * The payment keys of the site configuration (docs/configuration.md, section "Payments at the exit").
 *
 * @param exitCode      {@code payment.exit_code}: {@code order} (7.5 URL per order, default), {@code lane} (the lane's
 *                      2.18 exit code from the cloud) or {@code off}
 * @param ukey          {@code payment.ukey}: the key of the 7.5 sign (default: {@code cloud.secret})
 * @param refresh       {@code payment.code_refresh_seconds}: a 7.5 code is valid one minute; it is renewed this often
 * @param autopay       {@code payment.autopay}: ask 4.1 pay_status before the fee is shown and charge a no-password
 *                      wallet without the attendant
 * @param scanGap       {@code payment.scanner.max_gap_ms}: the longest pause between two keys of a scanner burst
 * @param screenHome    {@code payment.screen.home_seconds}: a smart-screen page goes back home after this long
 */
public record PaymentSettings(String exitCode, String ukey, String unionId, String parkId, Duration refresh,
                              boolean autopay, Duration scanGap, Duration screenHome, Map<String, String> keys) {

    public static PaymentSettings from(Map<String, String> keys) {
        String code = keys.getOrDefault("payment.exit_code", "order").trim().toLowerCase(java.util.Locale.ROOT);
        if (!code.equals("order") && !code.equals("lane") && !code.equals("off")) {
            throw new ConfigException("payment.exit_code: 'order', 'lane' or 'off', not '" + code + "'");
        }
        String ukey = keys.getOrDefault("payment.ukey", keys.getOrDefault("cloud.secret", ""));
        return new PaymentSettings(code, ukey, keys.getOrDefault("cloud.union_id", ""),
                keys.getOrDefault("cloud.park_id", ""), Duration.ofSeconds(integer(keys, "payment.code_refresh_seconds",
                50, 5, 59)), Boolean.parseBoolean(keys.getOrDefault("payment.autopay", "true").trim()),
                Duration.ofMillis(integer(keys, "payment.scanner.max_gap_ms", 40, 5, 500)),
                Duration.ofSeconds(integer(keys, "payment.screen.home_seconds", 10, 3, 600)), Map.copyOf(keys))
                .checked();
    }

    /** A wrong later-pay key stops the start like the others. */
    private PaymentSettings checked() {
        laterPay();
        laterPayMaxFen();
        return this;
    }

    /** proto4: who may let a car leave to pay later (2.44 先走后付), {@code payment.later_pay}. */
    public enum LaterPay {
        /** Nobody (the default). */
        OFF,
        /** A supervisor or an admin on duty. */
        SUPERVISOR,
        /** Any attendant on duty. */
        ATTENDANT
    }

    /** {@code payment.later_pay}: {@code off} (default), {@code supervisor} or {@code attendant}. */
    public LaterPay laterPay() {
        String v = keys.getOrDefault("payment.later_pay", "off").trim().toUpperCase(java.util.Locale.ROOT);
        try {
            return LaterPay.valueOf(v);
        } catch (IllegalArgumentException e) {
            throw new ConfigException("payment.later_pay: 'off', 'supervisor' or 'attendant', not '"
                    + keys.get("payment.later_pay") + "'");
        }
    }

    /** {@code payment.later_pay_max} (yuan): the most a car may leave owing; 0 (default) = no limit. */
    public long laterPayMaxFen() {
        String v = keys.getOrDefault("payment.later_pay_max", "0").trim();
        try {
            long fen = com.boothdesk.app.domain.fee.Fen.parse(v.isEmpty() ? "0" : v);
            if (fen < 0) {
                throw new IllegalArgumentException("negative");
            }
            return fen;
        } catch (IllegalArgumentException e) {
            throw new ConfigException("payment.later_pay_max: not an amount in yuan: '" + v + "'");
        }
    }

    /** {@code lane.<id>.card.qr}: {@code none} (default), {@code string} (0xE1, the card renders) or {@code bitmap}
     *  (0xE5, drawn here; add {@code lane.<id>.card.lines=4} for a four-line card). */
    public String cardQr(String laneId) {
        String v = keys.getOrDefault("lane." + laneId + ".card.qr", "none").trim().toLowerCase(java.util.Locale.ROOT);
        if (!v.equals("none") && !v.equals("string") && !v.equals("bitmap")) {
            throw new ConfigException("lane." + laneId + ".card.qr: 'none', 'string' or 'bitmap', not '" + v + "'");
        }
        return v;
    }

    public boolean fourLineCard(String laneId) {
        return "4".equals(keys.getOrDefault("lane." + laneId + ".card.lines", "2").trim());
    }

    /** {@code lane.<id>.smart_screen=true}: the exit has a 智慧屏 (section 7). */
    public boolean smartScreen(String laneId) {
        return Boolean.parseBoolean(keys.getOrDefault("lane." + laneId + ".smart_screen", "false").trim());
    }

    private static int integer(Map<String, String> keys, String key, int dflt, int min, int max) {
        String v = keys.get(key);
        if (v == null || v.isBlank()) {
            return dflt;
        }
        try {
            int i = Integer.parseInt(v.trim());
            if (i < min || i > max) {
                throw new ConfigException(key + ": " + i + " is outside " + min + ".." + max);
            }
            return i;
        } catch (NumberFormatException e) {
            throw new ConfigException(key + ": not a number: '" + v + "'");
        }
    }
}
