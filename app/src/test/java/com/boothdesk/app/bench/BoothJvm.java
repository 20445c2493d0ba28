package com.boothdesk.app.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The collector flags of the booth's JVM, as the launchers set them ({@code ./boothdesk}'s {@code GC_SHENANDOAH} /
 * {@code GC_G1}, {@code installer/src/jpackage/common.txt}), for the harnesses that start booth processes of their own.
 */
public final class BoothJvm {

    private static final List<String> SHENANDOAH = List.of("-XX:+UseShenandoahGC",
            "-XX:-ClassUnloadingWithConcurrentMark", "-XX:+UnlockExperimentalVMOptions",
            "-XX:ShenandoahUncommitDelay=5000", "-XX:ShenandoahGuaranteedGCInterval=20000");
    private static final List<String> G1 = List.of("-XX:+UseG1GC", "-XX:MaxGCPauseMillis=5",
            "-XX:MinHeapFreeRatio=10", "-XX:MaxHeapFreeRatio=30");
    private static volatile List<String> flags;

    private BoothJvm() {
    }

    /** Shenandoah when this Java has it, else G1 with the 5 ms goal (what the launcher picks). */
    public static List<String> gcFlags() {
        List<String> f = flags;
        if (f == null) {
            f = hasShenandoah() ? SHENANDOAH : G1;
            flags = f;
        }
        return f;
    }

    private static boolean hasShenandoah() {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        try {
            Process p = new ProcessBuilder(java, "-XX:+UseShenandoahGC", "-version").redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
