package com.boothdesk.app.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Cold start of the real application, as the booth PC starts it: {@code ./boothdesk run} (the launcher, its JVM
 * flags and class-data archive, the demo configuration) started {@code n} times one after the other in one data
 * folder. Per start it takes, from the moment the process is spawned, the time until the booth logs its first frame
 * of the window ({@code Booth window operable}: the first pulse after the window was shown, the key filter installed
 * and the FX thread free to answer a key), the CPU the process used by then, and, {@code rss} seconds after that
 * frame, the resident set size from {@code /proc/<pid>/status} (the launcher {@code exec}s the JVM, so the pid is
 * the JVM's). One start before the measured ones prepares the data folder (schema, demo lists) and the launcher's
 * class-data archive, as the first start of an installed booth does. Prints every start and p50/p99/max. Run (with
 * a display, e.g. {@code Xvfb :82 &} and {@code DISPLAY=:82}; without one the window is off-screen):
 * <pre>./boothdesk bench start [-n 10] [--rss 30] [--size 1366x768] [--data DIR] [--no-warmup]</pre>
 */
public final class StartHarness {

    private static final Pattern OPERABLE = Pattern.compile(
            "Booth window operable (\\d+) ms after the JVM started \\((\\d+) ms of it building and showing the window;"
                    + " (-?\\d+) ms of CPU");

    private StartHarness() {
    }

    record Start(double spawnToFrameMs, double jvmToFrameMs, double windowMs, double cpuMs, double rssMb,
                 double anonMb, double fileMb) {
    }

    public static void main(String[] args) throws Exception {
        int n = 10;
        int rssAfter = 30;
        String size = "1366x768";
        Path data = null;
        boolean warmup = true;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "-n" -> n = Integer.parseInt(args[++i]);
                case "--rss" -> rssAfter = Integer.parseInt(args[++i]);
                case "--size" -> size = args[++i];
                case "--data" -> data = Path.of(args[++i]);
                case "--no-warmup" -> warmup = false;
                default -> throw new IllegalArgumentException("unknown argument " + args[i]
                        + " (use -n N, --rss SECONDS, --size WxH, --data DIR, --no-warmup)");
            }
        }
        Path launcher = Path.of("boothdesk").toAbsolutePath();
        if (!Files.isExecutable(launcher)) {
            throw new IllegalStateException("run from the project folder (./boothdesk bench start): " + launcher);
        }
        if (data == null) {
            data = Files.createTempDirectory("boothdesk-start-");
        }
        String display = System.getenv("DISPLAY");
        System.out.printf(Locale.ROOT, "cold start of ./boothdesk run --demo at %s, data %s, %s%n", size, data,
                display == null || display.isBlank() ? "no display (off-screen window)" : "display " + display);
        if (warmup) {
            Start s = once(launcher, data, size, 0);
            System.out.printf(Locale.ROOT, "preparing start (schema, class-data archive): %.0f ms to the first frame%n",
                    s.spawnToFrameMs());
        }
        List<Start> starts = new ArrayList<>();
        System.out.printf(Locale.ROOT, "%-4s %14s %14s %12s %10s %10s %10s %10s%n", "#", "spawn→frame", "JVM→frame",
                "window ms", "CPU ms", "RSS MB", "anon MB", "file MB");
        for (int i = 1; i <= n; i++) {
            Start s = once(launcher, data, size, rssAfter);
            starts.add(s);
            System.out.printf(Locale.ROOT, "%-4d %14.0f %14.0f %12.0f %10.0f %10.1f %10.1f %10.1f%n", i,
                    s.spawnToFrameMs(), s.jvmToFrameMs(), s.windowMs(), s.cpuMs(), s.rssMb(), s.anonMb(), s.fileMb());
        }
        System.out.printf(Locale.ROOT, "%-34s %8s %8s %8s%n", "", "p50", "p99", "max");
        row("process spawn → operable window (ms)", starts.stream().mapToDouble(Start::spawnToFrameMs).toArray());
        row("JVM start → operable window (ms)", starts.stream().mapToDouble(Start::jvmToFrameMs).toArray());
        row("of it building the window (ms)", starts.stream().mapToDouble(Start::windowMs).toArray());
        row("CPU by the first frame (ms)", starts.stream().mapToDouble(Start::cpuMs).toArray());
        if (rssAfter > 0) {
            row("idle RSS " + rssAfter + " s after the frame (MB)",
                    starts.stream().mapToDouble(Start::rssMb).toArray());
            row("  of it anonymous (heap, metaspace…)", starts.stream().mapToDouble(Start::anonMb).toArray());
            row("  of it file-backed (jars, libs, CDS)", starts.stream().mapToDouble(Start::fileMb).toArray());
        }
        System.out.printf(Locale.ROOT, "load average now: %s%n", loadAverage());
    }

    private static void row(String what, double[] values) {
        double[] v = values.clone();
        Arrays.sort(v);
        System.out.printf(Locale.ROOT, "%-34s %8.0f %8.0f %8.0f%n", what, pct(v, 50), pct(v, 99), v[v.length - 1]);
    }

    static double pct(double[] sorted, double p) {
        int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
    }

    private static Start once(Path launcher, Path data, String size, int rssAfter) throws Exception {
        int exitAfter = rssAfter + 60;
        ProcessBuilder pb = new ProcessBuilder(launcher.toString(), "run", "--data", data.toString(), "--demo",
                "--window-size", size, "--exit-after", String.valueOf(exitAfter))
                .directory(launcher.getParent().toFile()).redirectErrorStream(true);
        long spawned = System.nanoTime();
        Process p = pb.start();
        CompletableFuture<long[]> frame = new CompletableFuture<>();
        List<String> tail = new ArrayList<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(),
                    StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    long at = System.nanoTime();
                    synchronized (tail) {
                        tail.add(line);
                        if (tail.size() > 40) {
                            tail.remove(0);
                        }
                    }
                    Matcher m = OPERABLE.matcher(line);
                    if (m.find()) {
                        frame.complete(new long[] {at, Long.parseLong(m.group(1)), Long.parseLong(m.group(2)),
                                Long.parseLong(m.group(3))});
                    }
                }
            } catch (IOException e) {
                frame.completeExceptionally(e);
            }
            frame.completeExceptionally(new IllegalStateException("the booth ended without a window"));
        }, "start-harness-reader");
        reader.setDaemon(true);
        reader.start();
        try {
            long[] f;
            try {
                f = frame.get(120, TimeUnit.SECONDS);
            } catch (Exception e) {
                synchronized (tail) {
                    tail.forEach(System.out::println);
                }
                throw new IllegalStateException("no operable window within 120 s: " + e.getMessage(), e);
            }
            double[] rss = {Double.NaN, Double.NaN, Double.NaN};
            if (rssAfter > 0) {
                // the idle booth: the demo keeps running; nothing else of this harness runs meanwhile
                p.waitFor(rssAfter, TimeUnit.SECONDS);
                rss = rssMb(p.pid());
            }
            return new Start((f[0] - spawned) / 1e6, f[1], f[2], f[3], rss[0], rss[1], rss[2]);
        } finally {
            p.destroy(); // SIGTERM: the booth stops itself (and its socat children) and closes the database
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                p.waitFor();
            }
            reader.join(5_000);
        }
    }

    /** VmRSS, RssAnon and RssFile (+ RssShmem) of {@code pid} in MB (Linux); NaN elsewhere. */
    static double[] rssMb(long pid) {
        double[] out = {Double.NaN, Double.NaN, 0};
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                double mb = line.matches("^(VmRSS|RssAnon|RssFile|RssShmem):.*")
                        ? Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0 : 0;
                if (line.startsWith("VmRSS:")) {
                    out[0] = mb;
                } else if (line.startsWith("RssAnon:")) {
                    out[1] = mb;
                } else if (line.startsWith("RssFile:") || line.startsWith("RssShmem:")) {
                    out[2] += mb;
                }
            }
        } catch (IOException | NumberFormatException e) {
            return new double[] {Double.NaN, Double.NaN, Double.NaN};
        }
        return out;
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (IOException e) {
            return "unknown";
        }
    }
}
