package com.boothdesk.devices.snapshot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.boothdesk.devices.health.DeviceHealth;
import com.github.sarxos.webcam.WebcamDevice;
import com.github.sarxos.webcam.WebcamDriver;
import java.awt.Color;
import java.awt.Dimension;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/**
 * Webcam snapshots through Webcam Capture with a test driver (no real webcam needed). Webcam Capture's driver is
 * static: this is the only test class that touches it, and each test installs its own driver.
 */
class WebcamSnapshotSourceTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-11-25T09:00:00Z"), ZoneOffset.UTC);

    static final class StillDevice implements WebcamDevice {
        private final String name;
        private volatile boolean open;
        volatile boolean broken;

        StillDevice(String name) {
            this.name = name;
        }

        @Override
        public String getName() {
            return name;
        }

        @Override
        public Dimension[] getResolutions() {
            return new Dimension[] {new Dimension(320, 240)};
        }

        @Override
        public Dimension getResolution() {
            return new Dimension(320, 240);
        }

        @Override
        public void setResolution(Dimension d) {
        }

        @Override
        public BufferedImage getImage() {
            if (broken) {
                throw new IllegalStateException("device unplugged");
            }
            BufferedImage img = new BufferedImage(320, 240, BufferedImage.TYPE_INT_RGB);
            var g = img.createGraphics();
            g.setColor(Color.GREEN);
            g.fillRect(0, 0, 320, 240);
            g.dispose();
            return img;
        }

        @Override
        public void open() {
            open = true;
        }

        @Override
        public void close() {
            open = false;
        }

        @Override
        public void dispose() {
            open = false;
        }

        @Override
        public boolean isOpen() {
            return open;
        }
    }

    static final class Driver implements WebcamDriver {
        private final List<WebcamDevice> devices;

        Driver(List<WebcamDevice> devices) {
            this.devices = devices;
        }

        @Override
        public List<WebcamDevice> getDevices() {
            return devices;
        }

        @Override
        public boolean isThreadSafe() {
            return false;
        }
    }

    @Test
    void capturesAJpegFromTheMatchingCameraAndReportsHealth() throws Exception {
        StillDevice booth = new StillDevice("Booth Cam 1");
        try (WebcamSnapshotSource src = new WebcamSnapshotSource("Booth", CLOCK,
                new Driver(List.of(new StillDevice("Other"), booth)))) {
            assertThat(src.health().health()).isEqualTo(DeviceHealth.UNKNOWN);
            Snapshot s = src.capture();
            assertThat(s.source()).isEqualTo("webcam:Booth Cam 1");
            assertThat(s.takenAt()).isEqualTo(CLOCK.instant());
            BufferedImage back = ImageIO.read(new ByteArrayInputStream(s.jpeg()));
            assertThat(back.getWidth()).isEqualTo(320);
            assertThat(new Color(back.getRGB(160, 120)).getGreen()).isGreaterThan(200);
            assertThat(src.health().health()).isEqualTo(DeviceHealth.CONNECTED);

            booth.broken = true;
            assertThatThrownBy(src::capture).isInstanceOf(SnapshotException.class);
            assertThat(src.health().health()).isEqualTo(DeviceHealth.DEGRADED);
        }
    }

    @Test
    void noCameraGivesAClearStateNotACrash() {
        try (WebcamSnapshotSource src = new WebcamSnapshotSource(null, CLOCK, new Driver(List.of()))) {
            assertThatThrownBy(src::capture).isInstanceOf(SnapshotException.class)
                    .hasMessageContaining("no webcam connected");
            assertThat(src.health().health()).isEqualTo(DeviceHealth.OFFLINE);
            assertThat(src.health().detail()).isEqualTo("no webcam connected");
        }
    }

    @Test
    void noMatchingCameraNamesWhatWasFound() {
        try (WebcamSnapshotSource src = new WebcamSnapshotSource("Lane 3", CLOCK,
                new Driver(List.of(new StillDevice("Booth Cam 1"))))) {
            assertThatThrownBy(src::capture).hasMessageContaining("no webcam matches 'Lane 3'")
                    .hasMessageContaining("Booth Cam 1");
            assertThat(src.health().health()).isEqualTo(DeviceHealth.OFFLINE);
        }
    }
}
