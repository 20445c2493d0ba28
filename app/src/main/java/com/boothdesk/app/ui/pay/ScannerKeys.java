package com.boothdesk.app.ui.pay;

import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Supplier;

import javafx.animation.PauseTransition;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyEvent;
import javafx.util.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The booth scanner on the screen: feeds every key press to the {@link ScanBurstDetector} before the keymap sees it.
 * A burst pays the selected exit's waiting car; digits held back and found to be the attendant's are dispatched to the
 * keymap as they would have been. Runs on the FX thread (its expiry timer is an FX animation, not a thread hop).
 */
public final class ScannerKeys {

    private static final Logger LOG = LoggerFactory.getLogger(ScannerKeys.class);

    private final ScanBurstDetector detector;
    private final Supplier<Optional<PayPort>> selected;
    private final BiConsumer<String, Boolean> dispatch;
    private final java.util.function.LongSupplier nanos;
    private final PauseTransition expiry;
    private final java.time.Duration maxGap;

    /**
     * @param selected the pay code of the lane the screen shows as selected (empty: not an exit with payments)
     * @param dispatch sends a released key (its name, typing) to the keymap
     */
    public ScannerKeys(java.time.Duration maxGap, Supplier<Optional<PayPort>> selected,
                       BiConsumer<String, Boolean> dispatch, java.util.function.LongSupplier nanos) {
        this.maxGap = maxGap;
        this.detector = new ScanBurstDetector(maxGap);
        this.selected = selected;
        this.dispatch = dispatch;
        this.nanos = nanos;
        this.expiry = new PauseTransition(Duration.millis(detector.holdFor().toMillis() + 5));
        this.expiry.setOnFinished(e -> release(detector.expire(this.nanos.getAsLong()), false));
    }

    /**
     * The burst detector's gap for a screen over these lane ports: {@code payment.scanner.max_gap_ms} as the payment
     * settings carry it (the first exit with payments), 40 ms on a screen without payments.
     */
    public static java.time.Duration maxGapOf(List<?> lanePorts) {
        return lanePorts.stream().map(ScannerKeys::payOf).flatMap(Optional::stream).map(PayPort::scannerMaxGap)
                .findFirst().orElse(PayPort.DEFAULT_SCANNER_GAP);
    }

    /** The gap this screen's detector was built with. */
    public java.time.Duration maxGap() {
        return maxGap;
    }

    /** The payment of a lane port, when it carries one. */
    public static Optional<PayPort> payOf(Object lanePort) {
        return lanePort instanceof PayPort.Paying p ? Optional.of(p.pay()) : Optional.empty();
    }

    /** True when the key was the scanner's (the caller consumes it and does nothing else). */
    public boolean onKey(KeyEvent e, boolean typing) {
        if (e.isControlDown() || e.isAltDown() || e.isMetaDown()) {
            return false;
        }
        ScanBurstDetector.Result r = detector.key(e.getCode().name(), nanos.getAsLong(), typing);
        release(r.released(), typing);
        if (r instanceof ScanBurstDetector.Burst b) {
            if (typing && e.getTarget() instanceof TextInputControl t && t.getText() != null
                    && t.getText().endsWith(b.code())) {
                t.setText(t.getText().substring(0, t.getText().length() - b.code().length()));
            }
            Optional<PayPort> pay = selected.get();
            if (pay.isEmpty()) {
                LOG.warn("booth scanner read a pay code, but the selected lane takes no payments");
            } else {
                LOG.info("booth scanner read a pay code ({} digits); paying the selected exit", b.code().length());
                pay.get().payByCode(b.code());
            }
            return true;
        }
        if (r instanceof ScanBurstDetector.Held) {
            expiry.playFromStart();
            return true;
        }
        return false;
    }

    private void release(List<String> keys, boolean typing) {
        for (String k : keys) {
            dispatch.accept(k, typing);
        }
    }
}
