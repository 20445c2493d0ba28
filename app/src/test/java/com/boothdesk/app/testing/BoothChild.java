package com.boothdesk.app.testing;

import java.nio.file.Path;
import java.time.Clock;

import com.boothdesk.app.BoothApp;

/**
 * A booth in a child JVM for the crash tests: started on the data folder given, it prints {@code PORT <camera port>}
 * and runs until it is killed. Started with {@code -Dboothdesk.testhook.hold=<point>} it stops at that point.
 */
public final class BoothChild {

    private BoothChild() {
    }

    public static void main(String[] args) throws InterruptedException {
        BoothApp app = BoothApp.start(TestBooth.config(Path.of(args[0]), "cloud.mode", "off"), Clock.systemUTC());
        System.out.println("PORT " + app.cameraPort());
        System.out.flush();
        Thread.currentThread().join();
    }
}
