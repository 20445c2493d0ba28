package com.boothdesk.devices.serial;

import com.boothdesk.devices.util.Hex;
import com.fazecast.jSerialComm.SerialPort;
import com.fazecast.jSerialComm.SerialPortInvalidPortException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link SerialLink} over jSerialComm. One daemon thread ({@code serial-<port>}) owns reading: it delivers chunks,
 * notices a vanished port (read error, or the device node / pseudo-terminal link disappearing) and reopens the port
 * by its configured path every {@value #RECONNECT_PERIOD_MS} ms until it is back.
 */
public final class JSerialCommLink implements SerialLink {
    private static final Logger LOG = LoggerFactory.getLogger(JSerialCommLink.class);
    private static final Logger WIRE = LoggerFactory.getLogger("boothdesk.wire");
    private static final int READ_TIMEOUT_MS = 50;
    private static final int WRITE_TIMEOUT_MS = 1000;
    static final long RECONNECT_PERIOD_MS = 250;
    // errno values (Linux) and Win32 error codes that jSerialComm reports from openPort()
    private static final int ENOENT = 2;
    private static final int EACCES = 13;
    private static final int EBUSY = 16;
    private static final int WIN_ACCESS_DENIED = 5;

    private final SerialSettings settings;
    private final Object lifecycle = new Object();
    private final Object writeLock = new Object();
    private final Object wakeUp = new Object();
    private final List<Consumer<LinkState>> stateListeners = new CopyOnWriteArrayList<>();
    private volatile Consumer<byte[]> receiver = chunk -> { };
    private volatile LinkState state = LinkState.CLOSED;
    private volatile SerialPort port;
    private volatile boolean stopping;
    private Thread reader;

    public JSerialCommLink(SerialSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    public SerialSettings settings() {
        return settings;
    }

    @Override
    public String name() {
        return settings.portPath();
    }

    @Override
    public void open() throws SerialException {
        synchronized (lifecycle) {
            if (state == LinkState.OPEN || state == LinkState.RECONNECTING) {
                return;
            }
            stopping = false;
            try {
                port = openPort();
            } catch (SerialException e) {
                setState(LinkState.FAILED);
                throw e;
            }
            LOG.info("serial port {} open ({})", name(), settings);
            setState(LinkState.OPEN);
            startReader();
        }
    }

    /**
     * Like {@link #open()}, but a missing or busy port is not an error: the link reports
     * {@link LinkState#RECONNECTING} and keeps trying every {@value #RECONNECT_PERIOD_MS} ms, so the application can
     * start before the USB adapter is plugged in.
     */
    public void openInBackground() {
        synchronized (lifecycle) {
            if (state == LinkState.OPEN || state == LinkState.RECONNECTING) {
                return;
            }
            stopping = false;
            try {
                port = openPort();
                LOG.info("serial port {} open ({})", name(), settings);
                setState(LinkState.OPEN);
            } catch (SerialException e) {
                port = null;
                LOG.warn("serial port {} not available yet ({}); will keep trying", name(), e.getMessage());
                setState(LinkState.RECONNECTING);
            }
            startReader();
        }
    }

    private void startReader() {
        reader = new Thread(this::readLoop, "serial-" + shortName());
        reader.setDaemon(true);
        reader.start();
    }

    private String shortName() {
        String n = name();
        int slash = n.lastIndexOf('/');
        return slash >= 0 ? n.substring(slash + 1) : n;
    }

    private SerialPort openPort() throws SerialException {
        String path = settings.portPath();
        if (isFilePath(path) && !Files.exists(Path.of(path))) {
            throw new PortNotFoundException("serial port " + path + " does not exist (adapter unplugged or wrong name?)");
        }
        SerialPort p;
        try {
            p = SerialPort.getCommPort(path);
        } catch (SerialPortInvalidPortException e) {
            throw new PortNotFoundException("serial port " + path + " is not valid: " + e.getMessage(), e);
        }
        p.setComPortParameters(settings.baudRate(), settings.dataBits(), stopBits(), parity());
        p.setComPortTimeouts(SerialPort.TIMEOUT_READ_SEMI_BLOCKING | SerialPort.TIMEOUT_WRITE_BLOCKING,
                READ_TIMEOUT_MS, WRITE_TIMEOUT_MS);
        if (!p.openPort()) {
            int code = p.getLastErrorCode();
            if (code == EBUSY || code == EACCES || code == WIN_ACCESS_DENIED) {
                throw new PortBusyException("serial port " + path + " is busy or access is denied (error " + code + ")");
            }
            if (code == ENOENT) {
                throw new PortNotFoundException("serial port " + path + " does not exist (error " + code + ")");
            }
            throw new SerialIoException("cannot open serial port " + path + " (error " + code + ")");
        }
        return p;
    }

    private static boolean isFilePath(String path) {
        return path.startsWith("/");
    }

    private int stopBits() {
        return settings.stopBits() == 2 ? SerialPort.TWO_STOP_BITS : SerialPort.ONE_STOP_BIT;
    }

    private int parity() {
        switch (settings.parity()) {
            case ODD:
                return SerialPort.ODD_PARITY;
            case EVEN:
                return SerialPort.EVEN_PARITY;
            default:
                return SerialPort.NO_PARITY;
        }
    }

    private void readLoop() {
        byte[] buf = new byte[1024];
        boolean reportedReconnectFailure = false;
        while (!stopping) {
            SerialPort p = port;
            if (p == null) {
                waitForRetry();
                if (stopping) {
                    break;
                }
                try {
                    SerialPort reopened = openPort();
                    port = reopened;
                    reportedReconnectFailure = false;
                    LOG.info("serial port {} is back", name());
                    setState(LinkState.OPEN);
                } catch (SerialException e) {
                    if (!reportedReconnectFailure) {
                        LOG.warn("serial port {} still unavailable, retrying every {} ms: {}", name(),
                                RECONNECT_PERIOD_MS, e.getMessage());
                        reportedReconnectFailure = true;
                    }
                }
                continue;
            }
            int n;
            try {
                n = p.readBytes(buf, buf.length);
            } catch (RuntimeException e) {
                LOG.warn("serial port {} read failed", name(), e);
                n = -1;
            }
            if (n > 0) {
                byte[] chunk = Arrays.copyOf(buf, n);
                if (WIRE.isDebugEnabled()) {
                    WIRE.debug("rx {} {}", name(), Hex.format(chunk));
                }
                deliver(chunk);
            } else if (n < 0 || portVanished()) {
                lost(p, n < 0 ? "read error " + p.getLastErrorCode() : "device node disappeared");
            }
        }
    }

    private boolean portVanished() {
        String path = settings.portPath();
        return isFilePath(path) && !Files.exists(Path.of(path));
    }

    private void deliver(byte[] chunk) {
        try {
            receiver.accept(chunk);
        } catch (RuntimeException e) {
            LOG.error("receiver of serial port {} failed on {} bytes", name(), chunk.length, e);
        }
    }

    private void lost(SerialPort p, String why) {
        if (stopping) {
            return;
        }
        synchronized (writeLock) {
            port = null;
        }
        p.closePort();
        LOG.warn("serial port {} lost ({}); reconnecting", name(), why);
        setState(LinkState.RECONNECTING);
    }

    private void waitForRetry() {
        synchronized (wakeUp) {
            if (stopping) {
                return;
            }
            try {
                wakeUp.wait(RECONNECT_PERIOD_MS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                stopping = true;
            }
        }
    }

    @Override
    public void write(byte[] bytes) throws SerialException {
        Objects.requireNonNull(bytes, "bytes");
        synchronized (writeLock) {
            SerialPort p = port;
            if (p == null || state != LinkState.OPEN) {
                throw new SerialIoException("serial port " + name() + " is not open (" + state + ")");
            }
            int off = 0;
            while (off < bytes.length) {
                int n = p.writeBytes(bytes, bytes.length - off, off);
                if (n < 0) {
                    throw new SerialIoException("write to " + name() + " failed (error " + p.getLastErrorCode() + ")");
                }
                if (n == 0) {
                    throw new SerialTimeoutException("write to " + name() + " timed out after " + off + " of "
                            + bytes.length + " bytes");
                }
                off += n;
            }
        }
        if (WIRE.isDebugEnabled()) {
            WIRE.debug("tx {} {}", name(), Hex.format(bytes));
        }
    }

    @Override
    public void setReceiver(Consumer<byte[]> receiver) {
        this.receiver = Objects.requireNonNull(receiver, "receiver");
    }

    @Override
    public LinkState state() {
        return state;
    }

    @Override
    public void addStateListener(Consumer<LinkState> listener) {
        stateListeners.add(Objects.requireNonNull(listener, "listener"));
    }

    private void setState(LinkState next) {
        LinkState prev = state;
        if (prev == next) {
            return;
        }
        state = next;
        for (Consumer<LinkState> l : stateListeners) {
            try {
                l.accept(next);
            } catch (RuntimeException e) {
                LOG.error("state listener of serial port {} failed", name(), e);
            }
        }
    }

    @Override
    public void close() {
        Thread t;
        synchronized (lifecycle) {
            stopping = true;
            synchronized (wakeUp) {
                wakeUp.notifyAll();
            }
            t = reader;
            reader = null;
        }
        if (t != null && t != Thread.currentThread()) {
            try {
                t.join(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        SerialPort p;
        synchronized (writeLock) {
            p = port;
            port = null;
        }
        if (p != null) {
            p.closePort();
        }
        if (state != LinkState.CLOSED) {
            LOG.info("serial port {} closed", name());
        }
        setState(LinkState.CLOSED);
    }
}
