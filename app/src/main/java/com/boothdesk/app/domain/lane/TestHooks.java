package com.boothdesk.app.domain.lane;

import java.util.concurrent.CountDownLatch;

/**
 * Points where the crash tests hold a booth so that a {@code kill -9} lands exactly there. Inert unless the JVM was
 * started with {@code -Dboothdesk.testhook.hold=<point>} (only the tests' child processes are).
 */
public final class TestHooks {

    /** After the camera was answered, before the entry's order is written. */
    public static final String BEFORE_ORDER_WRITE = "before-order-write";
    /** After the entry's stay (with its in_park) was committed, before anything else the lane does for it. */
    public static final String AFTER_ORDER_WRITE = "after-order-write";

    private static final String HOLD = System.getProperty("boothdesk.testhook.hold", "");
    private static final CountDownLatch NEVER = new CountDownLatch(1);

    private TestHooks() {
    }

    static void reached(String point) {
        if (HOLD.equals(point)) {
            System.out.println("TESTHOOK held at " + point);
            System.out.flush();
            try {
                NEVER.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
