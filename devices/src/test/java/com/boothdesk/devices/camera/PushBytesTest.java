package com.boothdesk.devices.camera;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The push body's charset and wire-log text, read from its bytes, against what the push server did before with the
 * JDK's strict UTF-8 decoder and a regular expression over the decoded text (kept here as the reference).
 */
class PushBytesTest {
    private static final Pattern REFERENCE =
            Pattern.compile("(\"image(?:Fragment)?File\"\\s*:\\s*\")([^\"]{64,})\"");
    private static final Charset GBK = Charset.forName("GBK");

    private static boolean strictUtf8(byte[] b) {
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(b));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    private static String reference(String text) {
        return REFERENCE.matcher(text).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + "<"
                + m.group(2).length() + " base64 chars>\""));
    }

    private static String picture(int bytes, long seed) {
        byte[] b = new byte[bytes];
        new Random(seed).nextBytes(b);
        return Base64.getEncoder().encodeToString(b);
    }

    @Test
    void utf8IsRecognisedExactlyAsTheStrictDecoderDoes() {
        List<byte[]> cases = List.of("京A12345 _无_ 粤B·D1234".getBytes(StandardCharsets.UTF_8),
                "京A12345".getBytes(GBK), // GBK bytes are not UTF-8
                new byte[] {(byte) 0xC0, (byte) 0x80}, // overlong NUL
                new byte[] {(byte) 0xE0, (byte) 0x80, (byte) 0xAF}, // overlong '/'
                new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, // a surrogate
                new byte[] {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}, // above U+10FFFF
                new byte[] {(byte) 0xF0, (byte) 0x9F, (byte) 0x9A, (byte) 0x97}, // U+1F697, a car
                new byte[] {'a', (byte) 0xE4, (byte) 0xBA}, // cut in the middle of a character
                new byte[] {(byte) 0x80}, new byte[] {(byte) 0xFF}, new byte[0]);
        for (byte[] b : cases) {
            assertThat(PushBytes.wellFormedUtf8(b)).as(java.util.Arrays.toString(b)).isEqualTo(strictUtf8(b));
        }
        Random random = new Random(7);
        for (int n = 0; n < 20_000; n++) {
            byte[] b = new byte[1 + random.nextInt(8)];
            random.nextBytes(b);
            assertThat(PushBytes.wellFormedUtf8(b)).as(java.util.Arrays.toString(b)).isEqualTo(strictUtf8(b));
        }
        assertThat(PushBytes.charsetOf("京A".getBytes(GBK))).isEqualTo(GBK);
        assertThat(PushBytes.charsetOf("京A".getBytes(StandardCharsets.UTF_8))).isEqualTo(StandardCharsets.UTF_8);
    }

    @Test
    void picturesAreLeftOutAsTheRegularExpressionDid() {
        String big = picture(10_000, 1);
        String small = picture(12, 2); // 16 characters: kept as it is
        List<String> bodies = List.of(
                "{\"AlarmInfoPlate\":{\"result\":{\"PlateResult\":{\"license\":\"京A12345\",\"imageFile\":\"" + big
                        + "\",\"imageFragmentFile\":\"" + picture(3_000, 3) + "\"}}}}",
                "{\"imageFile\" :\n \"" + big + "\", \"license\":\"沪B\"}",
                "{\"imageFile\":\"" + small + "\",\"imageFragmentFile\":\"" + big + "\"}",
                "{\"imageFile\":\"" + big, // no closing quote: kept
                "{\"imageFile\":12,\"imageFile\":\"" + big + "\"}",
                "{\"notimageFile\":\"" + big + "\"}",
                "{\"imageFileX\":\"" + big + "\"}",
                "\"imageFile\":\"\"\"imageFile\":\"" + big + "\"",
                "");
        for (String body : bodies) {
            assertThat(PushBytes.elideImages(body.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8))
                    .isEqualTo(reference(body));
        }
        String gbk = "{\"license\":\"京A12345\",\"imageFile\":\"" + big + "\",\"deviceName\":\"出口\"}";
        assertThat(PushBytes.elideImages(gbk.getBytes(GBK), GBK)).isEqualTo(reference(gbk))
                .contains("京A12345", "出口", "<" + big.length() + " base64 chars>").doesNotContain(big);
    }
}
