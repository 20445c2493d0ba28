package com.boothdesk.devices.sim;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Generated JPEGs for simulated plate reads: a blue plate crop and a grey lane scene with the plate on a car shape.
 * Works headless; when no font can render (no fonts installed, missing CJK glyphs) the images are drawn without or
 * with partial text rather than failing.
 */
public final class PlateImages {
    private static final Logger LOG = LoggerFactory.getLogger(PlateImages.class);

    private PlateImages() {
    }

    /** A 220x70 plate crop. */
    public static byte[] plateCrop(String plate) {
        BufferedImage img = new BufferedImage(220, 70, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setColor(new Color(0x1E, 0x4F, 0xC8));
            g.fillRect(0, 0, 220, 70);
            g.setColor(Color.WHITE);
            g.setStroke(new BasicStroke(3));
            g.drawRect(4, 4, 211, 61);
            drawText(g, plate, 14, 48, 34);
        } finally {
            g.dispose();
        }
        return jpeg(img);
    }

    /** A 640x360 lane scene. */
    public static byte[] scene(String plate, String caption) {
        BufferedImage img = new BufferedImage(640, 360, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setColor(new Color(0x50, 0x55, 0x5A));
            g.fillRect(0, 0, 640, 360);
            g.setColor(new Color(0xE0, 0xE0, 0xE0));
            for (int y = 20; y < 360; y += 60) {
                g.fillRect(310, y, 20, 30);
            }
            g.setColor(new Color(0xB0, 0x20, 0x20));
            g.fillRoundRect(170, 110, 300, 190, 40, 40);
            g.setColor(new Color(0x1E, 0x4F, 0xC8));
            g.fillRect(250, 240, 140, 40);
            g.setColor(Color.WHITE);
            drawText(g, plate, 258, 268, 20);
            drawText(g, caption, 10, 350, 14);
        } finally {
            g.dispose();
        }
        return jpeg(img);
    }

    private static void drawText(Graphics2D g, String text, int x, int y, int size) {
        try {
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, size));
            g.drawString(text, x, y);
        } catch (RuntimeException | Error e) {
            // a box without fonts (fontconfig missing) must still produce images
            LOG.debug("cannot draw text on simulated image: {}", e.toString());
        }
    }

    private static byte[] jpeg(BufferedImage img) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(16 * 1024);
        try {
            if (!ImageIO.write(img, "jpg", out)) {
                throw new IOException("no JPEG writer");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
