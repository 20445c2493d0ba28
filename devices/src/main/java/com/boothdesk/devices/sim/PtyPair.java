package com.boothdesk.devices.sim;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Two connected pseudo-terminals made by {@code socat pty,raw,echo=0 pty,raw,echo=0}, reachable through the symbolic
 * links {@code endA()} and {@code endB()} in a directory. Bytes written to one end arrive at the other, exactly as
 * over a null-modem cable, so a real serial driver can talk to a simulator. Closing the pair kills socat, which removes
 * both links: to a serial driver that looks like an unplugged USB adapter. Opening a new pair in the same directory
 * recreates the same paths: the adapter is back.
 */
public final class PtyPair implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PtyPair.class);
    private static final long START_TIMEOUT_MS = 10_000;

    private final Process process;
    private final Path endA;
    private final Path endB;

    private PtyPair(Process process, Path endA, Path endB) {
        this.process = process;
        this.endA = endA;
        this.endB = endB;
    }

    /** True when a {@code socat} executable is on the PATH. */
    public static boolean socatAvailable() {
        return findSocat() != null;
    }

    private static Path findSocat() {
        String pathEnv = System.getenv("PATH");
        List<String> dirs = new ArrayList<>(List.of("/usr/bin", "/bin", "/usr/local/bin"));
        if (pathEnv != null) {
            dirs.addAll(0, List.of(pathEnv.split(java.io.File.pathSeparator)));
        }
        for (String d : dirs) {
            Path candidate = Path.of(d, "socat");
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    /**
     * Starts socat with links {@code dir/ttyA} and {@code dir/ttyB}; returns once both links exist and socat is
     * transferring data.
     *
     * @throws IOException if socat is not installed (with the command that installs it) or does not start
     */
    public static PtyPair open(Path dir) throws IOException {
        Path socat = findSocat();
        if (socat == null) {
            throw new IOException("socat is not installed; pseudo-terminal pairs need it. Install it with: "
                    + "apt-get install -y socat");
        }
        Files.createDirectories(dir);
        Path a = dir.resolve("ttyA").toAbsolutePath();
        Path b = dir.resolve("ttyB").toAbsolutePath();
        Files.deleteIfExists(a);
        Files.deleteIfExists(b);
        ProcessBuilder pb = new ProcessBuilder(socat.toString(), "-d", "-d",
                "pty,raw,echo=0,link=" + a, "pty,raw,echo=0,link=" + b);
        pb.redirectOutput(ProcessBuilder.Redirect.DISCARD);
        Process p = pb.start();
        // socat -d -d logs "starting data transfer loop" after both ptys and links exist
        CompletableFuture<Void> ready = new CompletableFuture<>();
        Thread drain = new Thread(() -> drainStderr(p, ready), "socat-stderr");
        drain.setDaemon(true);
        drain.start();
        try {
            ready.get(START_TIMEOUT_MS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            p.destroyForcibly();
            throw new IOException("interrupted while starting socat", e);
        } catch (ExecutionException | TimeoutException e) {
            p.destroyForcibly();
            throw new IOException("socat did not start a pty pair in " + dir + ": " + e.getMessage(), e);
        }
        if (!Files.exists(a) || !Files.exists(b)) {
            p.destroyForcibly();
            throw new IOException("socat started but the links " + a + " / " + b + " are missing");
        }
        LOG.debug("pty pair {} <-> {} (socat pid {})", a, b, p.pid());
        return new PtyPair(p, a, b);
    }

    private static void drainStderr(Process p, CompletableFuture<Void> ready) {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getErrorStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                if (line.contains("starting data transfer loop")) {
                    ready.complete(null);
                } else if (line.contains(" E ")) {
                    ready.completeExceptionally(new IOException(line));
                }
            }
        } catch (IOException e) {
            ready.completeExceptionally(e);
        }
        ready.completeExceptionally(new IOException("socat exited with " + exitCode(p)));
    }

    private static String exitCode(Process p) {
        try {
            return String.valueOf(p.waitFor());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "?";
        }
    }

    public Path endA() {
        return endA;
    }

    public Path endB() {
        return endB;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Kills socat and waits until it is gone and both links are removed. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            Files.deleteIfExists(endA);
            Files.deleteIfExists(endB);
        } catch (IOException e) {
            LOG.warn("could not remove pty links {} / {}", endA, endB, e);
        }
    }
}
