package com.boothdesk.app.ops;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import com.boothdesk.devices.card.CardFrames;
import com.boothdesk.devices.card.CommandOutcome;
import com.boothdesk.devices.card.LaneCard;
import com.boothdesk.devices.card.LaneCardOptions;
import com.boothdesk.devices.serial.JSerialCommLink;
import com.boothdesk.devices.serial.SerialException;
import com.boothdesk.devices.serial.SerialSettings;

/**
 * The commissioning wizard's "test" button: opens the lane's LED card port, shows a test line (0x62) and reports
 * what the card answered. Blocking (call it off the FX thread); never throws.
 */
public final class CardProbe {

    private CardProbe() {
    }

    /** @param acked the card answered with an ACK */
    public record Result(boolean acked, String text) {
    }

    public static Result probe(String port, int address, int baud, SerialSettings.Parity parity, Duration timeout,
                               Clock clock) {
        SerialSettings settings;
        try {
            settings = SerialSettings.of(port).withBaudRate(baud).withParity(parity);
        } catch (IllegalArgumentException e) {
            return new Result(false, "串口设置无效 / invalid serial settings: " + e.getMessage());
        }
        long started = System.nanoTime();
        try (JSerialCommLink link = new JSerialCommLink(settings)) {
            link.open();
            LaneCardOptions opts = LaneCardOptions.DEFAULTS.withGateWindow(timeout).withOpenThrottle(Duration.ZERO);
            try (LaneCard card = new LaneCard(link, address, clock, opts)) {
                CommandOutcome o = card.sendAsync(CardFrames.showText(address, 0, "调试 TEST"))
                        .get(timeout.toMillis() + 2000, TimeUnit.MILLISECONDS);
                long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
                boolean acked = o.status() == CommandOutcome.Status.ACKED;
                String ack = o.ackCode() >= 0 ? " ACK " + o.ackCode() : "";
                return new Result(acked, (acked ? "卡已应答 / card answered" : "卡未确认 / not acknowledged") + ack
                        + " (" + o.status() + ", " + ms + " ms)" + (o.detail() == null ? "" : ": " + o.detail()));
            }
        } catch (SerialException e) {
            return new Result(false, "串口打不开 / cannot open " + port + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(false, "interrupted");
        } catch (ExecutionException | TimeoutException e) {
            return new Result(false, "卡无应答 / no answer from the card: " + e);
        }
    }
}
