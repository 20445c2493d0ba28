import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/**
 * Draws the BoothDesk icon (a "P" over a barrier arm) and writes boothdesk.png and boothdesk.ico (PNG entries,
 * Windows Vista and later). Run: java -Djava.awt.headless=true MakeIcon.java
 */
public class MakeIcon {
    public static void main(String[] args) throws Exception {
        int[] sizes = {256, 64, 48, 32, 16};
        byte[][] pngs = new byte[sizes.length][];
        for (int i = 0; i < sizes.length; i++) {
            pngs[i] = png(draw(sizes[i]));
        }
        Files.write(Path.of("boothdesk.png"), pngs[0]);
        ByteBuffer dir = ByteBuffer.allocate(6 + 16 * sizes.length).order(ByteOrder.LITTLE_ENDIAN);
        dir.putShort((short) 0).putShort((short) 1).putShort((short) sizes.length);
        int offset = 6 + 16 * sizes.length;
        for (int i = 0; i < sizes.length; i++) {
            dir.put((byte) (sizes[i] % 256)).put((byte) (sizes[i] % 256)).put((byte) 0).put((byte) 0);
            dir.putShort((short) 1).putShort((short) 32).putInt(pngs[i].length).putInt(offset);
            offset += pngs[i].length;
        }
        ByteArrayOutputStream ico = new ByteArrayOutputStream();
        ico.write(dir.array());
        for (byte[] p : pngs) {
            ico.write(p);
        }
        Files.write(Path.of("boothdesk.ico"), ico.toByteArray());
    }

    static BufferedImage draw(int s) {
        BufferedImage img = new BufferedImage(256, 256, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(new Color(0x15, 0x65, 0xc0));
        g.fillRoundRect(8, 8, 240, 240, 48, 48);
        g.setColor(Color.WHITE);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 170));
        int w = g.getFontMetrics().stringWidth("P");
        g.drawString("P", (256 - w) / 2, 170);
        for (int x = 36; x < 220; x += 46) {
            g.setColor(((x - 36) / 46) % 2 == 0 ? new Color(0xff, 0xb3, 0x00) : new Color(0xd3, 0x2f, 0x2f));
            g.fillRect(x, 196, 46, 24);
        }
        g.setStroke(new BasicStroke(4));
        g.setColor(Color.WHITE);
        g.drawRect(36, 196, 184, 24);
        g.dispose();
        if (s == 256) {
            return img;
        }
        BufferedImage small = new BufferedImage(s, s, BufferedImage.TYPE_INT_ARGB);
        Graphics2D sg = small.createGraphics();
        sg.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
        sg.drawImage(img, 0, 0, s, s, null);
        sg.dispose();
        return small;
    }

    static byte[] png(BufferedImage img) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, "png", out);
        return out.toByteArray();
    }
}
