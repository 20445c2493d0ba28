package com.boothdesk.devices.cli;

import com.boothdesk.devices.card.CardFrame;
import com.boothdesk.devices.card.CardFrames;
import com.boothdesk.devices.card.CommandOutcome;
import com.boothdesk.devices.card.LaneCard;
import com.boothdesk.devices.card.LaneCardOptions;
import com.boothdesk.devices.serial.JSerialCommLink;
import com.boothdesk.devices.serial.SerialException;
import com.boothdesk.devices.serial.SerialSettings;
import com.boothdesk.devices.util.Hex;
import com.fazecast.jSerialComm.SerialPort;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code boothdesk devices ...}: the technician's commissioning commands for the lane card. Every command except
 * {@code ports} takes {@code --port} and {@code --address}; with {@code --dry-run} it needs no port and prints the
 * frame as hex instead of sending it. Exit codes: 0 sent and acknowledged (or printed), 1 sent but not acknowledged,
 * 2 port problem or bad arguments.
 */
@Command(name = "devices", mixinStandardHelpOptions = true,
        description = "Commission lane devices: list serial ports, drive the LED/voice card and the gate relay.",
        subcommands = {DevicesCommand.Ports.class, DevicesCommand.Led.class, DevicesCommand.Voice.class,
                DevicesCommand.Volume.class, DevicesCommand.Gate.class, DevicesCommand.Spaces.class,
                DevicesCommand.TimeSync.class})
public final class DevicesCommand implements Runnable {
    static final int OK = 0;
    static final int NOT_ACKNOWLEDGED = 1;
    static final int PORT_PROBLEM = 2;

    private final Clock clock;

    @Spec
    CommandLine.Model.CommandSpec spec;

    /** Uses the system clock (time-sync sends the PC's local time). */
    public DevicesCommand() {
        this(Clock.systemDefaultZone());
    }

    public DevicesCommand(Clock clock) {
        this.clock = clock;
    }

    /** A ready {@link CommandLine} (the application registers it as the {@code devices} subcommand). */
    public static CommandLine commandLine(Clock clock) {
        return new CommandLine(new DevicesCommand(clock));
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Options shared by the card commands. */
    static final class CardOptions {
        @Option(names = "--port", description = "Serial port: COM3, /dev/ttyUSB0, or a pseudo-terminal path.")
        String port;

        @Option(names = "--address", defaultValue = "0", converter = ByteConverter.class,
                description = "Card address, decimal or 0x.. (default: ${DEFAULT-VALUE}).")
        int address;

        @Option(names = "--baud", defaultValue = "9600", description = "Baud rate (default: ${DEFAULT-VALUE}).")
        int baud;

        @Option(names = "--parity", defaultValue = "NONE", description = "NONE, ODD or EVEN (default: ${DEFAULT-VALUE}).")
        SerialSettings.Parity parity;

        @Option(names = "--dry-run", description = "Print the frame as hex; do not open any port.")
        boolean dryRun;

        @Option(names = "--timeout-ms", defaultValue = "3000",
                description = "How long to wait for the card (default: ${DEFAULT-VALUE}).")
        long timeoutMs;
    }

    /** Accepts 0x1F, 31. */
    static final class ByteConverter implements CommandLine.ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            int v = value.toLowerCase().startsWith("0x") ? Integer.parseInt(value.substring(2), 16)
                    : Integer.parseInt(value);
            if (v < 0 || v > 255) {
                throw new CommandLine.TypeConversionException("address must be 0..255 (0x00..0xFF): " + value);
            }
            return v;
        }
    }

    /** Sends one frame (or prints it) and reports the outcome. */
    abstract static class CardCommandBase implements java.util.concurrent.Callable<Integer> {
        @Mixin
        CardOptions card;

        @ParentCommand
        DevicesCommand parent;

        @Spec
        CommandLine.Model.CommandSpec spec;

        abstract CardFrame frame(Clock clock);

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            CardFrame frame;
            try {
                frame = frame(parent.clock);
            } catch (IllegalArgumentException e) {
                err.println("invalid value: " + e.getMessage());
                return PORT_PROBLEM;
            }
            if (card.dryRun) {
                out.println(Hex.format(frame.encode()));
                return OK;
            }
            if (card.port == null || card.port.isBlank()) {
                err.println("--port is required (or use --dry-run)");
                return PORT_PROBLEM;
            }
            SerialSettings settings;
            try {
                settings = SerialSettings.of(card.port).withBaudRate(card.baud).withParity(card.parity);
            } catch (IllegalArgumentException e) {
                err.println("invalid serial settings: " + e.getMessage());
                return PORT_PROBLEM;
            }
            try (JSerialCommLink link = new JSerialCommLink(settings)) {
                link.open();
                LaneCardOptions opts = LaneCardOptions.DEFAULTS.withGateWindow(Duration.ofMillis(card.timeoutMs))
                        .withOpenThrottle(Duration.ZERO);
                try (LaneCard lane = new LaneCard(link, card.address, parent.clock, opts)) {
                    out.println("-> " + Hex.format(frame.encode()));
                    CommandOutcome o = lane.sendAsync(frame).get(card.timeoutMs + 2000, TimeUnit.MILLISECONDS);
                    out.println(o.status() + (o.ackCode() >= 0 ? " (ACK " + o.ackCode() + ")" : "") + ": "
                            + o.detail());
                    return o.status() == CommandOutcome.Status.ACKED || o.status() == CommandOutcome.Status.SENT
                            ? OK : NOT_ACKNOWLEDGED;
                }
            } catch (SerialException e) {
                err.println(e.getMessage());
                return PORT_PROBLEM;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return NOT_ACKNOWLEDGED;
            } catch (ExecutionException | TimeoutException e) {
                err.println("no outcome: " + e);
                return NOT_ACKNOWLEDGED;
            }
        }
    }

    @Command(name = "ports", description = "List the serial ports the system reports.")
    static final class Ports implements Runnable {
        @Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public void run() {
            PrintWriter out = spec.commandLine().getOut();
            SerialPort[] ports = SerialPort.getCommPorts();
            if (ports.length == 0) {
                out.println("no serial ports found");
            }
            for (SerialPort p : ports) {
                out.printf("%-20s %s%n", p.getSystemPortPath(), p.getPortDescription());
            }
            out.println("(pseudo-terminals and symbolic links are not listed; give their path to --port directly)");
        }
    }

    @Command(name = "led", description = "Show a text on one line of the LED screen (0x62).")
    static final class Led extends CardCommandBase {
        @Option(names = "--line", defaultValue = "1", description = "Line, 1 = top (default: ${DEFAULT-VALUE}).")
        int line;

        @Option(names = "--text", required = true, description = "Text (GBK on the wire).")
        String text;

        @Override
        CardFrame frame(Clock clock) {
            if (line < 1 || line > 4) {
                throw new IllegalArgumentException("--line must be 1..4");
            }
            return CardFrames.showText(card.address, line - 1, text);
        }
    }

    @Command(name = "voice", description = "Speak a text (0x30).")
    static final class Voice extends CardCommandBase {
        @Option(names = "--text", required = true, description = "Text, phrases separated by commas.")
        String text;

        @Override
        CardFrame frame(Clock clock) {
            return CardFrames.playVoice(card.address, text);
        }
    }

    @Command(name = "volume", description = "Set the voice volume (0x0D).")
    static final class Volume extends CardCommandBase {
        @Parameters(index = "0", description = "Volume level (0..100; older cards 0..10).")
        int level;

        @Override
        CardFrame frame(Clock clock) {
            return CardFrames.volume(card.address, level);
        }
    }

    @Command(name = "gate", description = "Gate relay (0x0F): open, close, keep-open, release.")
    static final class Gate extends CardCommandBase {
        @Parameters(index = "0", description = "open | close | keep-open | release")
        String action;

        @Override
        CardFrame frame(Clock clock) {
            switch (action) {
                case "open":
                    return CardFrames.openGate(card.address);
                case "close":
                    return CardFrames.closeGate(card.address);
                case "keep-open":
                    return CardFrames.keepGateOpen(card.address);
                case "release":
                    return CardFrames.releaseGate(card.address);
                default:
                    throw new IllegalArgumentException("gate action must be open, close, keep-open or release: "
                            + action);
            }
        }
    }

    @Command(name = "spaces", description = "Show the remaining-spaces screen (0xE3).")
    static final class Spaces extends CardCommandBase {
        @Parameters(index = "0", description = "Free spaces.")
        long spaces;

        @Override
        CardFrame frame(Clock clock) {
            return CardFrames.remainingSpaces(card.address, spaces);
        }
    }

    @Command(name = "time-sync", description = "Set the card clock to this PC's local time (0x05).")
    static final class TimeSync extends CardCommandBase {
        @Override
        CardFrame frame(Clock clock) {
            return CardFrames.syncTime(card.address, LocalDateTime.now(clock));
        }
    }
}
