package com.boothdesk.devices.util;

/** Hex formatting for logs, the CLI's dry-run output and tests: upper case, bytes separated by a space. */
public final class Hex {
    private static final char[] DIGITS = "0123456789ABCDEF".toCharArray();

    private Hex() {
    }

    public static String format(byte[] bytes) {
        return format(bytes, 0, bytes.length);
    }

    public static String format(byte[] bytes, int off, int len) {
        StringBuilder sb = new StringBuilder(len * 3);
        for (int i = off; i < off + len; i++) {
            if (i > off) {
                sb.append(' ');
            }
            sb.append(DIGITS[(bytes[i] >> 4) & 0x0F]).append(DIGITS[bytes[i] & 0x0F]);
        }
        return sb.toString();
    }

    /** Parses "00 64 FF FF", "0064FFFF" or "00-64-ff-ff"; anything other than hex digits and separators is rejected. */
    public static byte[] parse(String text) {
        String digits = text.replaceAll("[\\s:\\-]", "");
        if (digits.length() % 2 != 0) {
            throw new IllegalArgumentException("odd number of hex digits: " + text);
        }
        byte[] out = new byte[digits.length() / 2];
        for (int i = 0; i < out.length; i++) {
            int hi = Character.digit(digits.charAt(2 * i), 16);
            int lo = Character.digit(digits.charAt(2 * i + 1), 16);
            if (hi < 0 || lo < 0) {
                throw new IllegalArgumentException("not a hex string: " + text);
            }
            out[i] = (byte) ((hi << 4) | lo);
        }
        return out;
    }
}
