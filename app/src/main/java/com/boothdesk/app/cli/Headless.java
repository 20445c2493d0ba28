package com.boothdesk.app.cli;

import java.util.Locale;

/** Runs JavaFX off-screen (Monocle headless, software rendering) on a machine without a display. */
final class Headless {

    private Headless() {
    }

    static boolean noDisplay() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        return os.contains("linux") && isBlank(System.getenv("DISPLAY")) && isBlank(System.getenv("WAYLAND_DISPLAY"));
    }

    /** Must run before the JavaFX toolkit starts. */
    static void enable() {
        System.setProperty("glass.platform", "Monocle");
        System.setProperty("monocle.platform", "Headless");
        System.setProperty("prism.order", "sw");
        System.setProperty("prism.text", "t2k");
        System.setProperty("java.awt.headless", "true");
        System.setProperty("headless.geometry", "1600x1000-32");
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
