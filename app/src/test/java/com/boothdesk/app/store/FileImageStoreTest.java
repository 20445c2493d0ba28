package com.boothdesk.app.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Pictures are named at once and written off the lane's path; readable throughout, all on disk after close. */
class FileImageStoreTest {

    @TempDir
    Path dir;

    @Test
    void aSavedPictureIsReadableAtOnceAndOnDiskSoonAndAfterClose() throws Exception {
        Clock clock = Clock.fixed(Instant.parse("2026-11-25T00:00:00Z"), ZoneOffset.UTC);
        FileImageStore store = new FileImageStore(dir, clock);
        byte[] jpeg = {(byte) 0xFF, (byte) 0xD8, 1, 2, 3};
        String ref = store.save("A1_1-in", jpeg).orElseThrow();
        assertThat(ref).isEqualTo("2026-11-25/A1_1-in.jpg");
        assertThat(store.load(ref)).contains(jpeg);
        await().atMost(Duration.ofSeconds(10)).until(() -> Files.exists(dir.resolve(ref)));
        assertThat(Files.readAllBytes(dir.resolve(ref))).isEqualTo(jpeg);

        for (int i = 0; i < 50; i++) {
            store.save("B1_" + i + "-out", jpeg);
        }
        store.close();
        for (int i = 0; i < 50; i++) {
            assertThat(dir.resolve("2026-11-25/B1_" + i + "-out.jpg")).exists();
        }
        assertThat(store.save("late", new byte[0])).isEmpty();
        assertThat(store.load("../outside.jpg")).isEmpty();
    }
}
