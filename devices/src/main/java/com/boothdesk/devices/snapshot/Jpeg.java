package com.boothdesk.devices.snapshot;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import javax.imageio.ImageIO;

/** BufferedImage to JPEG bytes (the JPEG writer refuses alpha, so such images are flattened first). */
final class Jpeg {
    private Jpeg() {
    }

    static byte[] encode(BufferedImage img) throws IOException {
        BufferedImage rgb = img;
        if (img.getColorModel().hasAlpha() || img.getType() == BufferedImage.TYPE_CUSTOM) {
            rgb = new BufferedImage(img.getWidth(), img.getHeight(), BufferedImage.TYPE_INT_RGB);
            rgb.createGraphics().drawImage(img, 0, 0, null);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
        if (!ImageIO.write(rgb, "jpg", out)) {
            throw new IOException("no JPEG writer available");
        }
        return out.toByteArray();
    }

    static boolean looksLikeJpeg(byte[] b) {
        return b.length > 3 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xD8;
    }
}
