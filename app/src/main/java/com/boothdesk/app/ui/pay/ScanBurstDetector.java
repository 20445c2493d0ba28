package com.boothdesk.app.ui.pay;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Tells a USB barcode scanner in keyboard-wedge mode from the attendant's typing. A scanner types a WeChat / Alipay
 * pay code (16 to 24 digits; WeChat's are 18) and Enter within a few tens of milliseconds, every key a few ms after
 * the one before; a person's keys come 80 ms and more apart. Pure logic on key names and their times (nanoseconds
 * from any monotonic clock), no JavaFX: the screen feeds it every key press and does what it says.
 *
 * <p>A burst is 16-24 digits and Enter whose keys came on average at most {@code maxGap} apart (a busy PC may stall
 * one key longer; a person cannot keep that pace for 16 digits). A digit is held back while more may follow (so a
 * scanner's first digit never reaches the keymap, where 1-5 pick a candidate): when no key follows within
 * {@link #holdFor()} ({@code max(5 x maxGap, 200 ms)}), or the keys turn out to be no burst, the held keys are released
 * to be dispatched, in order, as the attendant's. When the focus is in a text field ({@code typing}), digits pass at once (they are
 * the field's) and a burst is still recognised: the screen then removes the code from the field.
 */
public final class ScanBurstDetector {

    /** The least and most digits of a pay code. */
    public static final int MIN_DIGITS = 16;
    public static final int MAX_DIGITS = 24;

    /** What to do with the key just fed. */
    public sealed interface Result {
        /** Keys held earlier that are the attendant's after all: dispatch them (in order) before this one. */
        List<String> released();
    }

    /** The key is held back (it may be a scanner's); dispatch {@link #released()} only. */
    public record Held(List<String> released) implements Result {
    }

    /** Not a scanner's key: dispatch {@link #released()}, then this key as usual. */
    public record Pass(List<String> released) implements Result {
    }

    /** The scanner typed {@code code} and Enter: the Enter is consumed; nothing is dispatched. */
    public record Burst(String code, List<String> released) implements Result {
    }

    private final long maxGapNanos;
    private final long holdNanos;
    private final StringBuilder digits = new StringBuilder();
    private final List<String> held = new ArrayList<>();
    private long first;
    private long last = Long.MIN_VALUE;
    private boolean typing;

    public ScanBurstDetector(Duration maxGap) {
        this.maxGapNanos = maxGap.toNanos();
        this.holdNanos = Math.max(5 * maxGapNanos, Duration.ofMillis(200).toNanos());
    }

    /** How long a digit is held back at most before it is released to the keymap. */
    public Duration holdFor() {
        return Duration.ofNanos(holdNanos);
    }

    /**
     * One key press.
     *
     * @param key    the key's name (JavaFX KeyCode names: DIGIT0..DIGIT9, NUMPAD0..NUMPAD9, ENTER, ...)
     * @param nanos  when it came
     * @param typing the focus is in a text field
     */
    public Result key(String key, long nanos, boolean typing) {
        int d = digit(key);
        boolean inBurst = !digits.isEmpty() && nanos - last <= holdNanos;
        if (d >= 0) {
            List<String> released = inBurst ? List.of() : drop();
            if (digits.length() >= MAX_DIGITS) {
                released = concat(released, drop());
            }
            if (digits.isEmpty()) {
                first = nanos;
            }
            digits.append((char) ('0' + d));
            last = nanos;
            this.typing = typing;
            if (typing) {
                return new Pass(released);
            }
            held.add(key);
            return new Held(released);
        }
        if ("ENTER".equals(key) && inBurst && digits.length() >= MIN_DIGITS
                && (nanos - first) / digits.length() <= maxGapNanos) {
            String code = digits.toString();
            digits.setLength(0);
            held.clear();
            return new Burst(code, List.of());
        }
        return new Pass(drop());
    }

    /** Keys held longer than the gap allows: the attendant's, to dispatch now. */
    public List<String> expire(long nanos) {
        if (!digits.isEmpty() && nanos - last > holdNanos) {
            return drop();
        }
        return List.of();
    }

    /** True while digits are held (the screen schedules an {@link #expire} check). */
    public boolean holding() {
        return !held.isEmpty();
    }

    /** Whether the digits now collected were typed into a text field. */
    public boolean collectedWhileTyping() {
        return typing;
    }

    private List<String> drop() {
        List<String> out = List.copyOf(held);
        held.clear();
        digits.setLength(0);
        return out;
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }

    static int digit(String key) {
        if (key == null) {
            return -1;
        }
        if (key.length() == 6 && key.startsWith("DIGIT") && Character.isDigit(key.charAt(5))) {
            return key.charAt(5) - '0';
        }
        if (key.length() == 7 && key.startsWith("NUMPAD") && Character.isDigit(key.charAt(6))) {
            return key.charAt(6) - '0';
        }
        return -1;
    }
}
