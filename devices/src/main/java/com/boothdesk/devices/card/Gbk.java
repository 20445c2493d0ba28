package com.boothdesk.devices.card;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;

/** GBK text as the cards want it: unmappable characters become '?', and long text is cut at a character boundary. */
public final class Gbk {
    /** The charset every card text and voice string is encoded in. */
    public static final Charset CHARSET = Charset.forName("GBK");

    private Gbk() {
    }

    public static byte[] encode(String text) {
        return encode(text, Integer.MAX_VALUE);
    }

    /** Encodes at most {@code maxBytes} bytes, never splitting a two-byte character. */
    public static byte[] encode(String text, int maxBytes) {
        CharsetEncoder enc = CHARSET.newEncoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE)
                .replaceWith(new byte[] {'?'});
        ByteBuffer out = ByteBuffer.allocate((int) Math.min((long) maxBytes, text.length() * 2L + 2));
        enc.encode(CharBuffer.wrap(text), out, true);
        byte[] b = new byte[out.position()];
        out.flip();
        out.get(b);
        return b;
    }

    public static String decode(byte[] b, int off, int len) {
        return new String(b, off, len, CHARSET);
    }
}
