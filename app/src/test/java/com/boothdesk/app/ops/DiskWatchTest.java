package com.boothdesk.app.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.boothdesk.app.testing.MutableClock;

class DiskWatchTest {

    @TempDir
    Path data;

    @Test
    void lowSpaceIsPublishedAndRecoveryToo() {
        AtomicLong free = new AtomicLong(5L << 30);
        DiskWatch w = new DiskWatch(data, 2L << 30, new MutableClock(Instant.EPOCH, ZoneOffset.UTC), d -> free.get());
        w.check();
        assertThat(w.low().get().low()).isFalse();
        free.set(1L << 30);
        w.check();
        assertThat(w.low().get()).isEqualTo(new DiskWatch.DiskSpace(1L << 30, 2L << 30, true));
        free.set(3L << 30);
        w.check();
        assertThat(w.low().get().low()).isFalse();
    }

    @Test
    void theRealFileStoreIsRead() {
        DiskWatch w = new DiskWatch(data, 0, java.time.Clock.systemUTC(), DiskWatch.fileStore());
        w.check();
        assertThat(w.low().get().freeBytes()).isPositive();
        assertThat(w.low().get().low()).isFalse();
    }
}
