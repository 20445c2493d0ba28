package com.boothdesk.devices.card;

import com.boothdesk.devices.health.DeviceHealth;
import com.boothdesk.devices.health.HealthSource;
import com.boothdesk.devices.health.HealthStatus;
import com.boothdesk.devices.health.HealthTracker;
import com.boothdesk.devices.serial.LinkState;
import com.boothdesk.devices.serial.SerialException;
import com.boothdesk.devices.serial.SerialLink;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.PriorityBlockingQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import com.boothdesk.devices.util.LogSafe;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Driver of one LED/voice/relay card of the 00 64 FF FF family on a {@link SerialLink}.
 *
 * <p>Commands are queued and written by one daemon thread ({@code lanecard-<port>-<addr>}), one at a time, gate
 * (relay) commands ahead of screen and voice commands, each kind in request order: write,
 * wait for the card's ACK ({@link LaneCardOptions#ackTimeout()}), retry a bounded number of times. Every command has
 * a deadline measured on the injected clock from the moment it was requested; a command that could not be written
 * before it (port unplugged) is dropped and logged, never replayed later. Gate opens closer together than
 * {@link LaneCardOptions#openThrottle()} are ignored.
 *
 * <p>The line model of the writer (issue 10: a gate frame on the wire within 30 ms at 9600 baud while LED text is in
 * progress): gate frames are written whole once the line is quiet; every other frame goes to the adapter in chunks of
 * ~4 ms of wire time, each handed over when at most half a chunk of the previous one is still to leave (the driver
 * tracks the wire time of what it handed over, so the OS/USB buffer never holds more than ~1.5 chunks). A gate
 * command queued meanwhile stops the frame between two chunks: the card drops the cut frame (no valid CRC), the gate
 * frame follows after t3.5 (4 character times) of silence, and the cut frame is sent again whole afterwards. A frame
 * whose CRC has been handed over is not cut; while a gate waits, its ACK is awaited only
 * {@link LaneCardOptions#ackTurnaround()} past its end (plus the reply's wire time once reply bytes arrive), then the
 * gate goes on a quiet line. See docs/architecture.md, "The card line".
 *
 * <p>The void methods return at once; the {@code ...Async} twins return the {@link CommandOutcome}. The caller opens
 * and closes the link; this class sets the link's receiver and must be its only user.
 */
public final class LaneCard implements AutoCloseable, HealthSource {
    private static final Logger LOG = LoggerFactory.getLogger(LaneCard.class);
    private static final long LINK_POLL_MS = 50;

    private final SerialLink link;
    private final int address;
    private final Clock clock;
    private final LaneCardOptions options;
    private final HealthTracker health;
    private final CardFrameDecoder decoder = new CardFrameDecoder();
    // gate commands first, then everything else, each in request order: a screen update must never delay a gate open
    private final BlockingQueue<Pending> queue = new PriorityBlockingQueue<>(16,
            Comparator.comparingInt((Pending p) -> p.gate ? 0 : 1).thenComparingLong(p -> p.seq));
    private final AtomicLong sequence = new AtomicLong();
    private final ReentrantLock linkLock = new ReentrantLock();
    private final Condition linkChanged = linkLock.newCondition();
    private final Thread worker;
    private volatile boolean running = true;
    private volatile Expectation expectation;
    private volatile byte[] lastWritten;
    private Instant lastOpenAccepted;
    // the line model of the writer (worker thread only, System.nanoTime): when the bytes handed to the adapter have
    // left, and the earliest moment the next frame may start (after an inter-frame silence or a reply)
    private final long byteNanos;
    private final int chunkBytes;
    private long wireFreeAt;
    private long quietAt;
    private volatile long lastRxNanos;
    private volatile CompletableFuture<Void> wake = new CompletableFuture<>();
    private final AtomicLong preempted = new AtomicLong();

    private static final class Pending {
        final String what;
        final CardFrame frame;
        final Instant deadline;
        final boolean gate;
        final long seq;
        final CompletableFuture<CommandOutcome> future = new CompletableFuture<>();
        /** Complete writes so far (a write cut short for a gate command does not count). Worker only. */
        int attempts;

        Pending(String what, CardFrame frame, Instant deadline, boolean gate, long seq) {
            this.what = what;
            this.frame = frame;
            this.deadline = deadline;
            this.gate = gate;
            this.seq = seq;
        }
    }

    private static final class Expectation {
        final int command;
        final CompletableFuture<CardFrame> reply = new CompletableFuture<>();

        Expectation(int command) {
            this.command = command;
        }
    }

    public LaneCard(SerialLink link, int address, Clock clock) {
        this(link, address, clock, LaneCardOptions.DEFAULTS);
    }

    public LaneCard(SerialLink link, int address, Clock clock, LaneCardOptions options) {
        this.link = Objects.requireNonNull(link, "link");
        if (address < 0 || address > 0xFF) {
            throw new IllegalArgumentException("card address out of range 0..255: " + address);
        }
        this.address = address;
        this.clock = Objects.requireNonNull(clock, "clock");
        this.options = Objects.requireNonNull(options, "options");
        this.byteNanos = options.wireTime(1).toNanos();
        // ~4 ms of wire time a chunk (4 bytes at 9600 baud, 48 at 115200)
        this.chunkBytes = Math.max(4, options.baudRate() / 2400);
        this.wireFreeAt = System.nanoTime();
        this.quietAt = wireFreeAt;
        this.health = new HealthTracker(String.format("card:%s#%02X", link.name(), address), clock);
        link.setReceiver(this::onBytes);
        link.addStateListener(this::onLinkState);
        onLinkState(link.state());
        String shortName = link.name().substring(link.name().lastIndexOf('/') + 1);
        worker = new Thread(this::workLoop, String.format("lanecard-%s-%02X", shortName, address));
        worker.setDaemon(true);
        worker.start();
    }

    public int address() {
        return address;
    }

    public LaneCardOptions options() {
        return options;
    }

    // ---- the application's API --------------------------------------------------------------------------------

    /** Pulses the gate-open relay (fire and forget; see {@link #openGateAsync()}). */
    public void openGate() {
        openGateAsync();
    }

    /** Pulses the gate-open relay unless an open was accepted less than the throttle interval ago. */
    public CompletableFuture<CommandOutcome> openGateAsync() {
        Instant now = clock.instant();
        synchronized (this) {
            if (lastOpenAccepted != null && Duration.between(lastOpenAccepted, now).compareTo(options.openThrottle()) < 0) {
                LOG.info("gate open on card {} ignored: previous open {} ms ago", health.health().deviceId(),
                        Duration.between(lastOpenAccepted, now).toMillis());
                return CompletableFuture.completedFuture(CommandOutcome.of(CommandOutcome.Status.THROTTLED,
                        "repeated open within " + options.openThrottle().toMillis() + " ms"));
            }
            lastOpenAccepted = now;
        }
        return submit("open gate", () -> CardFrames.openGate(address), options.gateWindow());
    }

    public void closeGate() {
        closeGateAsync();
    }

    public CompletableFuture<CommandOutcome> closeGateAsync() {
        return submit("close gate", () -> CardFrames.closeGate(address), options.gateWindow());
    }

    /** Holds the gate open (relay on until {@link #releaseGateAsync()}). */
    public CompletableFuture<CommandOutcome> keepGateOpenAsync() {
        return submit("keep gate open", () -> CardFrames.keepGateOpen(address), options.gateWindow());
    }

    public CompletableFuture<CommandOutcome> releaseGateAsync() {
        return submit("release gate", () -> CardFrames.releaseGate(address), options.gateWindow());
    }

    /** Shows up to four lines (top first); lines not given are cleared. */
    public void showLines(List<String> lines) {
        showLinesAsync(lines);
    }

    public CompletableFuture<CommandOutcome> showLinesAsync(List<String> lines) {
        return showAndSayAsync(lines, "");
    }

    /** Speaks {@code text} (queued behind anything the card is already saying). */
    public void say(String text) {
        sayAsync(text);
    }

    public CompletableFuture<CommandOutcome> sayAsync(String text) {
        List<String> pieces = voicePieces(text);
        if (pieces.size() == 1) {
            return submit("voice", () -> CardFrames.playVoice(address, text), options.commandWindow());
        }
        List<CompletableFuture<CommandOutcome>> parts = new ArrayList<>();
        for (int i = 0; i < pieces.size(); i++) {
            String piece = pieces.get(i);
            parts.add(submit("voice " + (i + 1) + "/" + pieces.size(), () -> CardFrames.playVoice(address, piece),
                    options.commandWindow()));
        }
        return combine(parts);
    }

    /** Bytes of a 0x30 frame around its text: header 6, option 1, CRC 2. */
    private static final int VOICE_FRAME_OVERHEAD = 9;
    /** Bytes of a 0x62 frame around its text: header 6, 19 fixed data bytes, CRC 2. */
    private static final int LINE_FRAME_OVERHEAD = 27;

    /**
     * {@code text} in pieces whose 0x30 frames fit {@link LaneCardOptions#maxFrameBytes()}, cut at character
     * boundaries, after a comma or full stop where one is near the end of the piece; each piece is queued and played
     * in order by the card.
     */
    List<String> voicePieces(String fullText) {
        int limit = options.maxFrameBytes();
        // as one frame would carry it: at most 254 GBK bytes in all
        byte[] all = Gbk.encode(fullText, CardCommand.PlayVoice.MAX_TEXT_BYTES);
        if (limit == 0 || all.length + VOICE_FRAME_OVERHEAD <= limit) {
            return List.of(fullText);
        }
        String text = Gbk.decode(all, 0, all.length);
        int room = limit - VOICE_FRAME_OVERHEAD;
        List<String> pieces = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        int curBytes = 0;
        int lastBreak = -1;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            String ch = new String(Character.toChars(cp));
            int n = Gbk.encode(ch).length;
            if (curBytes + n > room && cur.length() > 0) {
                int cut = lastBreak > 0 && lastBreak > cur.length() / 2 ? lastBreak : cur.length();
                pieces.add(cur.substring(0, cut));
                String rest = cur.substring(cut);
                cur.setLength(0);
                cur.append(rest);
                curBytes = Gbk.encode(rest).length;
                lastBreak = -1;
            }
            cur.append(ch);
            curBytes += n;
            if ("，。,.；;！!？? ".contains(ch)) {
                lastBreak = cur.length();
            }
            i += Character.charCount(cp);
        }
        if (cur.length() > 0) {
            pieces.add(cur.toString());
        }
        return pieces;
    }

    /** A 0x62 line frame for {@code text}, the text cut so the frame fits the frame limit. */
    private CompletableFuture<CommandOutcome> lineFrame(int line, String text, TextStyle style) {
        String t = text;
        int limit = options.maxFrameBytes();
        if (limit > 0 && Gbk.encode(t, CardCommand.TempText.MAX_TEXT_BYTES).length + LINE_FRAME_OVERHEAD > limit) {
            byte[] cut = Gbk.encode(t, limit - LINE_FRAME_OVERHEAD);
            t = Gbk.decode(cut, 0, cut.length);
            LOG.warn("line {} of card {} cut to {} bytes so a gate command never waits behind a long frame: {}",
                    line, health.health().deviceId(), cut.length, LogSafe.text(text, 64));
        }
        String shown = t;
        return submit("line " + line, () -> CardFrames.showText(address, line, shown, style),
                options.commandWindow());
    }

    /** Lines and voice together, in one frame when the card supports it ({@link LaneCardOptions#textMode()}). */
    public void showAndSay(List<String> lines, String voice) {
        showAndSayAsync(lines, voice);
    }

    public CompletableFuture<CommandOutcome> showAndSayAsync(List<String> lines, String voice) {
        Objects.requireNonNull(lines, "lines");
        Objects.requireNonNull(voice, "voice");
        List<String> padded = new ArrayList<>(lines.subList(0, Math.min(lines.size(), options.lineCount())));
        if (lines.size() > options.lineCount()) {
            LOG.warn("card {} shows {} lines; dropped {}", health.health().deviceId(), options.lineCount(),
                    lines.subList(options.lineCount(), lines.size()));
        }
        while (padded.size() < options.lineCount()) {
            padded.add("");
        }
        boolean multi = options.textMode() != LaneCardOptions.TextMode.PER_LINE;
        if (multi) {
            CardFrame whole;
            try {
                whole = options.textMode() == LaneCardOptions.TextMode.MULTI_LINE_6E
                        ? CardFrames.showLinesAndSay(address, padded, voice)
                        : CardFrames.showLinesAndSayV2(address, padded, voice, 0);
            } catch (IllegalArgumentException e) {
                LOG.warn("lines+voice for card {} rejected: {}", health.health().deviceId(), e.getMessage());
                return CompletableFuture.completedFuture(CommandOutcome.of(CommandOutcome.Status.REJECTED,
                        e.getMessage()));
            }
            if (options.maxFrameBytes() == 0 || whole.encode().length <= options.maxFrameBytes()) {
                return submit("lines+voice", () -> whole, options.commandWindow());
            }
            LOG.debug("lines+voice frame of {} bytes for card {} sent as short frames", whole.encode().length,
                    health.health().deviceId());
        }
        List<CompletableFuture<CommandOutcome>> parts = new ArrayList<>();
        for (int i = 0; i < padded.size(); i++) {
            // the multi-line frames alternate red and green; keep that look when they are split
            TextStyle style = multi ? TextStyle.DEFAULT.withColor(i % 2 == 0 ? TextStyle.RED : TextStyle.GREEN)
                    : TextStyle.DEFAULT;
            parts.add(lineFrame(i, padded.get(i), style));
        }
        if (!voice.isEmpty()) {
            parts.add(sayAsync(voice));
        }
        return combine(parts);
    }

    public CompletableFuture<CommandOutcome> stopVoiceAsync() {
        return submit("stop voice", () -> CardFrames.stopVoice(address), options.commandWindow());
    }

    public CompletableFuture<CommandOutcome> setVolumeAsync(int level) {
        return submit("volume", () -> CardFrames.volume(address, level), options.commandWindow());
    }

    public CompletableFuture<CommandOutcome> setBrightnessAsync(int percent) {
        return submit("brightness", () -> CardFrames.brightness(address, percent), options.commandWindow());
    }

    /** Sets the card clock to the injected clock's local time. */
    public CompletableFuture<CommandOutcome> syncTimeAsync() {
        return submit("time sync", () -> CardFrames.syncTime(address, LocalDateTime.now(clock)),
                options.commandWindow());
    }

    public CompletableFuture<CommandOutcome> showRemainingSpacesAsync(long spaces) {
        return submit("spaces", () -> CardFrames.remainingSpaces(address, spaces), options.commandWindow());
    }

    public CompletableFuture<CommandOutcome> showQrPaymentAsync(String qrContent, String text, long amountFen,
                                                                long parkedSeconds, boolean speak) {
        return submit("qr payment", () -> CardFrames.qrPayment(address, qrContent, text, amountFen, parkedSeconds,
                speak), options.commandWindow());
    }

    /** The drawn QR payment screen (0xE5, V2 frame) for cards that cannot render a QR string themselves. */
    public CompletableFuture<CommandOutcome> showQrBitmapAsync(boolean[][] modules, String text, boolean speak) {
        return submit("qr bitmap", () -> CardFrames.qrBitmap(address, modules, text, speak), options.commandWindow());
    }

    /** Sends any frame (commissioning, tests); it gets the screen/voice deadline. */
    public CompletableFuture<CommandOutcome> sendAsync(CardFrame frame) {
        return submit(String.format("cmd %02X", frame.command()), () -> frame, options.commandWindow());
    }

    @Override
    public HealthStatus health() {
        return health.health();
    }

    @Override
    public void addHealthListener(java.util.function.Consumer<HealthStatus> listener) {
        health.addHealthListener(listener);
    }

    // ---- machinery ---------------------------------------------------------------------------------------------

    private CompletableFuture<CommandOutcome> submit(String what, Supplier<CardFrame> frame, Duration window) {
        CardFrame f;
        try {
            f = frame.get();
        } catch (IllegalArgumentException e) {
            LOG.warn("{} for card {} rejected: {}", what, health.health().deviceId(), e.getMessage());
            return CompletableFuture.completedFuture(CommandOutcome.of(CommandOutcome.Status.REJECTED,
                    e.getMessage()));
        }
        if (!running) {
            return CompletableFuture.completedFuture(CommandOutcome.of(CommandOutcome.Status.CLOSED, "card closed"));
        }
        Pending p = new Pending(what, f, clock.instant().plus(window), f.command() == CardCommand.RELAY,
                sequence.incrementAndGet());
        queue.add(p);
        if (p.gate) {
            wakeWorker();
        }
        if (!running && queue.remove(p)) {
            p.future.complete(CommandOutcome.of(CommandOutcome.Status.CLOSED, "card closed"));
        }
        return p.future;
    }

    private static CompletableFuture<CommandOutcome> combine(List<CompletableFuture<CommandOutcome>> parts) {
        return CompletableFuture.allOf(parts.toArray(new CompletableFuture<?>[0])).thenApply(v -> {
            for (CompletableFuture<CommandOutcome> p : parts) {
                CommandOutcome o = p.join();
                if (!o.delivered()) {
                    return o;
                }
            }
            return parts.get(parts.size() - 1).join();
        });
    }

    private void workLoop() {
        while (running) {
            Pending p;
            try {
                p = queue.poll(100, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                break;
            }
            if (p == null) {
                continue;
            }
            CommandOutcome o;
            try {
                o = execute(p);
            } catch (RuntimeException e) {
                LOG.error("{} on card {} failed unexpectedly", p.what, health.health().deviceId(), e);
                o = CommandOutcome.of(CommandOutcome.Status.NO_ACK, "internal error: " + e);
            }
            if (o == null) {
                queue.add(p); // a gate command arrived while this one waited; it keeps its place and deadline
            } else {
                p.future.complete(o);
            }
        }
        Pending left;
        while ((left = queue.poll()) != null) {
            left.future.complete(CommandOutcome.of(CommandOutcome.Status.CLOSED, "card closed"));
        }
    }

    /** Writes {@code p} until ACK or deadline; null if it must yield to a waiting gate command. */
    private CommandOutcome execute(Pending p) {
        byte[] bytes = p.frame.encode();
        String lastProblem = "waited behind other commands";
        boolean linkProblem = false;
        while (running) {
            if (!p.gate && gateWaiting()) {
                return null;
            }
            if (clock.instant().isAfter(p.deadline)) {
                LOG.warn("{} for card {} dropped: not sent before its deadline ({}); it will not be replayed",
                        p.what, health.health().deviceId(), lastProblem);
                boolean down = linkProblem || link.state() != LinkState.OPEN;
                if (down && link.state() != LinkState.OPEN) {
                    lastProblem = "port " + link.state();
                }
                return CommandOutcome.of(down && p.attempts == 0 ? CommandOutcome.Status.LINK_DOWN
                        : CommandOutcome.Status.DROPPED_STALE, lastProblem);
            }
            if (link.state() != LinkState.OPEN) {
                lastProblem = "port " + link.state();
                linkProblem = true;
                awaitLinkChange();
                continue;
            }
            Expectation exp = new Expectation(p.frame.command());
            expectation = options.expectAck() ? exp : null;
            int sent;
            try {
                lastWritten = bytes;
                // a camera's RS485 pass-through carries each write as one command: chunks would arrive as broken frames
                sent = p.gate || link.framed() ? writeWhole(bytes) : writePaced(bytes);
            } catch (SerialException e) {
                expectation = null;
                lastProblem = e.getMessage();
                linkProblem = true;
                LOG.debug("write of {} to card {} failed: {}", p.what, health.health().deviceId(), e.getMessage());
                awaitLinkChange();
                continue;
            }
            if (sent < bytes.length) {
                // a gate command pre-empted this frame between two chunks; the card drops the cut frame (its CRC
                // never arrives) once the line has been silent for t3.5; the frame is sent again whole afterwards
                expectation = null;
                if (sent > 0) {
                    preempted.incrementAndGet();
                    quietAt = wireFreeAt + SILENCE_BYTES * byteNanos;
                    LOG.debug("{} to card {} cut after {} of {} bytes for a gate command; it will be sent again",
                            p.what, health.health().deviceId(), sent, bytes.length);
                }
                return null;
            }
            p.attempts++;
            if (!options.expectAck()) {
                health.update(DeviceHealth.UNKNOWN, "port open; card configured not to acknowledge");
                // the next frame starts once this one has left and the line has been silent for t3.5
                quietAt = wireFreeAt + SILENCE_BYTES * byteNanos;
                return CommandOutcome.of(CommandOutcome.Status.SENT, "written, no ACK expected");
            }
            try {
                CardFrame reply = awaitAck(exp, p.gate, wireFreeAt);
                expectation = null;
                quietAt = System.nanoTime();
                if (reply == GATE_FIRST) {
                    LOG.debug("{} to card {}: no ACK within {} ms of its end and a gate command waits; "
                                    + "the gate goes first", p.what, health.health().deviceId(),
                            options.ackTurnaround().toMillis());
                    recoverDecoder();
                    if (p.attempts > options.retries()) {
                        return CommandOutcome.of(CommandOutcome.Status.NO_ACK, "no ACK after " + p.attempts
                                + " tries");
                    }
                    return null;
                }
                if (reply != null) {
                    if (reply.ackCode() == 0) {
                        health.update(DeviceHealth.CONNECTED, "card answers");
                        return new CommandOutcome(CommandOutcome.Status.ACKED, 0, "ok");
                    }
                    LOG.warn("card {} refused {} with ACK {}", health.health().deviceId(), p.what, reply.ackCode());
                    health.update(DeviceHealth.CONNECTED, "card answers");
                    return new CommandOutcome(CommandOutcome.Status.NACKED, reply.ackCode(),
                            "card answered " + reply.ackCode());
                }
                recoverDecoder();
                if (p.attempts > options.retries()) {
                    health.update(DeviceHealth.DEGRADED, "no ACK from card after " + p.attempts + " tries");
                    LOG.warn("{} to card {}: no ACK after {} tries", p.what, health.health().deviceId(), p.attempts);
                    return CommandOutcome.of(CommandOutcome.Status.NO_ACK, "no ACK after " + p.attempts + " tries");
                }
                LOG.debug("{} to card {}: no ACK, retrying", p.what, health.health().deviceId());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (ExecutionException e) {
                expectation = null;
                lastProblem = String.valueOf(e.getCause());
            }
        }
        return CommandOutcome.of(CommandOutcome.Status.CLOSED, "card closed");
    }

    /** Bytes of the card's ACK frame: header 6, ACK 1, CRC 2. */
    private static final int ACK_FRAME_BYTES = 9;
    /** Inter-frame silence after a cut frame, in character times: Modbus RTU's t3.5, rounded up. */
    static final int SILENCE_BYTES = 4;
    /** Marker reply: the ACK wait was given up for a waiting gate command. */
    private static final CardFrame GATE_FIRST = new CardFrame(0, 0, new byte[0]);

    private boolean gateWaiting() {
        Pending next = queue.peek();
        return next != null && next.gate;
    }

    /** Wakes the worker from a chunk pause or an ACK wait: a gate command is queued. */
    private void wakeWorker() {
        CompletableFuture<Void> w = wake;
        wake = new CompletableFuture<>();
        w.complete(null);
        LockSupport.unpark(worker);
    }

    /** Parks until {@code at} (nanoTime); false if a gate command arrived first (when {@code yieldToGate}). */
    private boolean waitUntil(long at, boolean yieldToGate) {
        while (running) {
            if (yieldToGate && gateWaiting()) {
                return false;
            }
            long left = at - System.nanoTime();
            if (left <= 0) {
                return true;
            }
            LockSupport.parkNanos(left);
        }
        return false;
    }

    private void handOver(byte[] bytes, int off, int n) throws SerialException {
        link.write(off == 0 && n == bytes.length ? bytes : Arrays.copyOfRange(bytes, off, off + n));
        long now = System.nanoTime();
        wireFreeAt = (now - wireFreeAt > 0 ? now : wireFreeAt) + n * byteNanos;
    }

    /** A gate frame: written whole once the line is quiet (it is short: 14 bytes). Returns the bytes written. */
    private int writeWhole(byte[] bytes) throws SerialException {
        if (!waitUntil(quietAt, false)) {
            return 0;
        }
        handOver(bytes, 0, bytes.length);
        return bytes.length;
    }

    /**
     * A screen/voice (any non-gate) frame, handed to the adapter in chunks of {@link #chunkBytes} paced at the baud
     * rate: the next chunk goes when at most half a chunk of the previous one is still to leave (so the line does not
     * pause inside the frame), the last two bytes (the CRC) when one byte is left. The adapter's buffer therefore never
     * holds more than ~1.5 chunks, and a gate command queued meanwhile stops the frame between two chunks. Returns the
     * bytes written: less than the frame when it was pre-empted.
     */
    private int writePaced(byte[] bytes) throws SerialException {
        int off = 0;
        int body = bytes.length - 2;
        while (off < bytes.length) {
            boolean last = off >= body;
            int n = last ? bytes.length - off : Math.min(chunkBytes, body - off);
            long at = wireFreeAt - (last ? 1 : chunkBytes / 2) * byteNanos;
            if (off == 0 && quietAt - at > 0) {
                at = quietAt;
            }
            if (!waitUntil(at, true)) {
                return off;
            }
            handOver(bytes, off, n);
            off += n;
        }
        return off;
    }

    /**
     * Waits for the reply to a frame whose last byte leaves at {@code frameEnd}; null on timeout, {@link #GATE_FIRST}
     * when a gate command waits and the card has not answered within {@link LaneCardOptions#ackTurnaround()}: no
     * reply byte by {@code frameEnd + turnaround}, or a reply started but quiet for a turnaround since its last byte
     * (at the latest {@code frameEnd + 2 turnarounds +} the reply's wire time). A gate command therefore never waits
     * long behind a screen frame's ACK, and does not talk over a card that answers within the turnaround.
     */
    private CardFrame awaitAck(Expectation exp, boolean gate, long frameEnd)
            throws InterruptedException, ExecutionException {
        long now0 = System.nanoTime();
        long timeoutAt = now0 + options.ackTimeout().toNanos() + Math.max(0, frameEnd - now0)
                + ACK_FRAME_BYTES * byteNanos;
        long turnaround = options.ackTurnaround().toNanos();
        while (true) {
            if (exp.reply.isDone()) {
                return exp.reply.get();
            }
            CompletableFuture<Void> w = wake; // read before looking at the queue: a gate queued later completes it
            boolean gateWaits = !gate && gateWaiting();
            long now = System.nanoTime();
            long until = timeoutAt;
            if (gateWaits) {
                long rx = lastRxNanos;
                long giveUp = frameEnd + turnaround;
                if (rx - frameEnd > 0) {
                    // the reply has started: wait until the line has been quiet for a turnaround after its last byte,
                    // bounded by the reply's wire time plus two turnarounds (noise must not hold the gate forever)
                    long cap = frameEnd + 2 * turnaround + ACK_FRAME_BYTES * byteNanos;
                    giveUp = rx + turnaround - cap < 0 ? rx + turnaround : cap;
                }
                if (now - giveUp >= 0) {
                    return GATE_FIRST;
                }
                if (giveUp - until < 0) {
                    until = giveUp;
                }
            }
            if (now - until >= 0) {
                return null;
            }
            try {
                if (gateWaits) {
                    return exp.reply.get(until - now, TimeUnit.NANOSECONDS);
                }
                CompletableFuture.anyOf(exp.reply, w).get(until - now, TimeUnit.NANOSECONDS);
            } catch (TimeoutException e) {
                // loop: timed out, or the reply started and the give-up point moved
            }
        }
    }

    private void awaitLinkChange() {
        linkLock.lock();
        try {
            linkChanged.await(LINK_POLL_MS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        } finally {
            linkLock.unlock();
        }
    }

    private void onLinkState(LinkState s) {
        if (s == LinkState.OPEN) {
            if (health.health().health() == DeviceHealth.OFFLINE) {
                health.update(DeviceHealth.UNKNOWN, "port open, card not heard yet");
            }
        } else if (s != LinkState.CLOSED || health.health().health() != DeviceHealth.UNKNOWN) {
            health.update(DeviceHealth.OFFLINE, "serial port " + s);
        }
        linkLock.lock();
        try {
            linkChanged.signalAll();
        } finally {
            linkLock.unlock();
        }
    }

    private void onBytes(byte[] chunk) {
        lastRxNanos = System.nanoTime();
        List<CardFrame> frames;
        synchronized (decoder) {
            frames = decoder.feed(chunk);
        }
        handle(frames);
    }

    private void recoverDecoder() {
        List<CardFrame> frames;
        synchronized (decoder) {
            frames = decoder.pendingBytes() > 0 ? decoder.abandonPartial() : List.of();
        }
        handle(frames);
    }

    private void handle(List<CardFrame> frames) {
        for (CardFrame f : frames) {
            byte[] sent = lastWritten;
            if (sent != null && Arrays.equals(sent, f.encode())) {
                continue; // our own frame echoed by a two-wire RS485 adapter
            }
            Expectation exp = expectation;
            if (exp != null && f.address() == address && f.command() == exp.command) {
                exp.reply.complete(f);
            } else {
                LOG.debug("card {}: unexpected frame {}", health.health().deviceId(), f);
            }
        }
    }

    /** Screen/voice frames cut between two chunks so a gate command could go at once (each was sent again). */
    public long preemptedFrames() {
        return preempted.get();
    }

    /** Bytes the reply decoder threw away (line noise, broken replies). */
    public long discardedBytes() {
        synchronized (decoder) {
            return decoder.discardedBytes();
        }
    }

    /** Stops the worker; queued commands complete as {@link CommandOutcome.Status#CLOSED}. Leaves the link open. */
    @Override
    public void close() {
        running = false;
        worker.interrupt();
        try {
            worker.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Pending left;
        while ((left = queue.poll()) != null) {
            left.future.complete(CommandOutcome.of(CommandOutcome.Status.CLOSED, "card closed"));
        }
    }
}
