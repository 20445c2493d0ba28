package com.boothdesk.app.ops;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;

/**
 * One running booth per data folder: an exclusive OS lock on {@code <data>/boothdesk.lock}, held for the life of the
 * process (the OS releases it when the process dies, even by kill -9), and who holds it in
 * {@code <data>/boothdesk.pid} (a separate file, since Windows does not let other processes read a locked region).
 */
public final class InstanceLock implements AutoCloseable {

    public static final String LOCK_FILE = "boothdesk.lock";
    public static final String HOLDER_FILE = "boothdesk.pid";

    private final Path dir;
    private final FileChannel channel;
    private final FileLock lock;

    private InstanceLock(Path dir, FileChannel channel, FileLock lock) {
        this.dir = dir;
        this.channel = channel;
        this.lock = lock;
    }

    /** Thrown when another process holds the folder; the message says which (pid, host, since when) and where. */
    public static final class AlreadyRunningException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        AlreadyRunningException(String message) {
            super(message);
        }
    }

    /** Takes the folder's lock or throws {@link AlreadyRunningException}. */
    public static InstanceLock acquire(Path dataDir) throws IOException {
        Path dir = dataDir.toAbsolutePath();
        OwnerOnly.directory(dir);
        FileChannel ch = FileChannel.open(dir.resolve(LOCK_FILE), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = ch.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null; // held by this very process
        } catch (IOException e) {
            ch.close();
            throw e;
        }
        if (lock == null) {
            ch.close();
            throw new AlreadyRunningException("BoothDesk 已在运行 / BoothDesk is already running with the data folder "
                    + dir + " (" + holder(dir) + "). Stop it first, or use another --data folder.");
        }
        OwnerOnly.restrict(dir.resolve(LOCK_FILE));
        OwnerOnly.writeString(dir.resolve(HOLDER_FILE), "pid=" + ProcessHandle.current().pid() + "\nhost=" + host()
                + "\nsince=" + Instant.now() + "\n");
        return new InstanceLock(dir, ch, lock);
    }

    /** What the holder file says, as one line ("pid 1234 on host booth-pc since …"). */
    static String holder(Path dir) {
        try {
            java.util.Properties p = new java.util.Properties();
            p.load(new java.io.StringReader(Files.readString(dir.resolve(HOLDER_FILE), StandardCharsets.UTF_8)));
            return "pid " + p.getProperty("pid", "?") + " on host " + p.getProperty("host", "?") + " since "
                    + p.getProperty("since", "?");
        } catch (IOException | RuntimeException e) {
            return "holder unknown: " + e.getMessage();
        }
    }

    private static String host() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            String n = ManagementFactory.getRuntimeMXBean().getName();
            return n.contains("@") ? n.substring(n.indexOf('@') + 1) : "?";
        }
    }

    @Override
    public void close() {
        try {
            lock.release();
            channel.close();
            Files.deleteIfExists(dir.resolve(HOLDER_FILE));
        } catch (IOException e) {
            // the OS drops the lock with the process anyway
        }
    }
}
