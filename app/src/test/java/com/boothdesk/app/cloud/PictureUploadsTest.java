package com.boothdesk.app.cloud;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.boothdesk.app.testing.RunningBooth;
import com.boothdesk.sdk.sim.ReceivedUplink;

/** A stay's entry and exit pictures reach the cloud as 2.12 pictures over HTTP, each once. */
class PictureUploadsTest {

    @TempDir
    Path data;
    RunningBooth booth;

    @BeforeEach
    void start() {
        booth = RunningBooth.start(data);
    }

    @AfterEach
    void stop() {
        booth.close();
    }

    @Test
    void entryAndExitPicturesAreUploadedOverHttp() {
        String orderId = booth.enter("京P12345");
        booth.clock.advance(Duration.ofMinutes(5));
        booth.camera("SIM-CAM-B1").push("京P12345");

        await().atMost(RunningBooth.WAIT).until(() -> pictures(orderId).count() == 2);
        assertThat(pictures(orderId).map(u -> u.data().path("park_order_type").asText()))
                .containsExactlyInAnyOrder("in", "out");
        assertThat(pictures(orderId)).allSatisfy(u -> {
            assertThat(u.signValid()).isTrue();
            assertThat(u.data().path("picture_source").asText()).isEqualTo("order");
            byte[] jpeg = Base64.getDecoder().decode(u.data().path("content").asText());
            assertThat(jpeg[0] & 0xFF).isEqualTo(0xFF); // JPEG start of image
            assertThat(jpeg[1] & 0xFF).isEqualTo(0xD8);
        });
        await().atMost(RunningBooth.WAIT).until(() -> booth.app.pictures().counts().getOrDefault("SENT", 0L) == 2L);
        assertThat(booth.app.pictures().counts()).doesNotContainKey("PENDING");
    }

    private java.util.stream.Stream<ReceivedUplink> pictures(String orderId) {
        return booth.cloud().received("upload_carpic").stream()
                .filter(u -> u.data().path("order_id").asText().equals(orderId));
    }
}
