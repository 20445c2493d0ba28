package com.boothdesk.app.payment;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.google.zxing.qrcode.encoder.ByteMatrix;
import com.google.zxing.qrcode.encoder.Encoder;
import com.google.zxing.qrcode.encoder.QRCode;

/** QR modules of a pay code, by ZXing: for the panel (any size) and for the LED card's drawn screen (v3 or v7). */
public final class QrCodes {

    private QrCodes() {
    }

    /** The modules (true = dark), without the quiet zone; medium error correction, the smallest version that fits. */
    public static boolean[][] modules(String text) {
        try {
            return matrix(Encoder.encode(text, ErrorCorrectionLevel.M, hints(null)));
        } catch (WriterException e) {
            throw new IllegalArgumentException("cannot make a QR code of " + text.length() + " characters: "
                    + e.getMessage(), e);
        }
    }

    /**
     * The modules for the card's 0xE5 screen: version 3 (29x29) for a two-line card or version 7 (45x45) for a
     * four-line card, low error correction; empty when the text does not fit that version.
     */
    public static Optional<boolean[][]> forCard(String text, boolean fourLines) {
        try {
            return Optional.of(matrix(Encoder.encode(text, ErrorCorrectionLevel.L, hints(fourLines ? 7 : 3))));
        } catch (WriterException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static Map<EncodeHintType, Object> hints(Integer version) {
        Map<EncodeHintType, Object> h = new EnumMap<>(EncodeHintType.class);
        h.put(EncodeHintType.CHARACTER_SET, "UTF-8");
        if (version != null) {
            h.put(EncodeHintType.QR_VERSION, version);
        }
        return h;
    }

    private static boolean[][] matrix(QRCode code) {
        ByteMatrix m = code.getMatrix();
        boolean[][] out = new boolean[m.getHeight()][m.getWidth()];
        for (int y = 0; y < m.getHeight(); y++) {
            for (int x = 0; x < m.getWidth(); x++) {
                out[y][x] = m.get(x, y) == 1;
            }
        }
        return out;
    }
}
