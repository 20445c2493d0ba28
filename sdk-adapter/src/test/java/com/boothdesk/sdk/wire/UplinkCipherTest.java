package com.boothdesk.sdk.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.util.Base64;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** SDK 4.2+ uplink encryption (notes §1.2.1) round-tripped with a generated 1,024-bit key pair. */
class UplinkCipherTest {

    static KeyPair park;

    @BeforeAll
    static void keys() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(1024);
        park = g.generateKeyPair();
    }

    static final String OUT_PARK = "{\"car_number\":\"京GH0093\",\"in_time\":1490875218,\"out_time\":1490879999,"
            + "\"uid\":\"325101\",\"car_type\":\"小车\",\"c_type\":\"通道扫牌\",\"pay_type\":\"cash\",\"empty_plot\":20,"
            + "\"total\":\"12.00\",\"order_id\":\"A1_2C1516935325\",\"amount_receivable\":\"12.00\",\"out_uid\":\"u1\","
            + "\"out_channel_id\":\"B1\",\"remark\":\"出场备注\",\"data_target\":\"cloud\"}";

    @Test
    void segmentedRsaRoundTripsAnUplinkLongerThanOneBlock() throws Exception {
        String base64 = Base64.getEncoder().encodeToString(park.getPublic().getEncoded());
        assertThat(base64).startsWith("MIGfMA0G"); // the doc's public key sample starts the same way
        UplinkCipher c = UplinkCipher.forPublicKey(base64);
        assertThat(c.plainBlockBytes()).isEqualTo(117);
        int plainBytes = OUT_PARK.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
        assertThat(plainBytes).isGreaterThan(2 * 117);

        String cipher = c.encrypt(OUT_PARK);
        byte[] raw = Base64.getDecoder().decode(cipher);
        assertThat(raw.length).isEqualTo(((plainBytes + 116) / 117) * 128); // one 128-byte block per 117
        assertThat(UplinkCipher.decrypt(cipher, park.getPrivate())).isEqualTo(OUT_PARK);
        assertThat(c.encrypt("")).isNotEmpty();
        assertThat(UplinkCipher.decrypt(c.encrypt("{}"), park.getPrivate())).isEqualTo("{}");
    }

    @Test
    void theDesKeyOfTheNotesExample() {
        assertThat(UplinkCipher.keySeed("200387", "qiu")).isEqualTo("872003qiu");
        assertThat(UplinkCipher.keyDigestHex("200387", "qiu")).isEqualTo("8f53ada84f9e6e33cd9e8a356047061b");
        assertThat(UplinkCipher.rotateLeft("24155", 3)).isEqualTo("55241");
        assertThat(UplinkCipher.rotateRight("200128", 2)).isEqualTo("282001");
    }

    @Test
    void thePrivateKeyDeliveredInTheInitReplyDecryptsTheUplinks() throws Exception {
        for (UplinkCipher.DesKey which : UplinkCipher.DesKey.values()) {
            String delivered = UplinkCipher.deliverPrivateKey(park.getPrivate(), "200128", "24155", which);
            PrivateKey back = UplinkCipher.deliveredPrivateKey(delivered, "200128", "24155", which);
            assertThat(back.getEncoded()).isEqualTo(park.getPrivate().getEncoded());
            String cipher = UplinkCipher.forPublicKey(park.getPublic()).encrypt(OUT_PARK);
            assertThat(UplinkCipher.decrypt(cipher, back)).isEqualTo(OUT_PARK);
            // another park's key seed cannot open it
            assertThatThrownBy(() -> UplinkCipher.deliveredPrivateKey(delivered, "200128", "24156", which))
                    .isInstanceOf(GeneralSecurityException.class);
        }
    }

    @Test
    void aTruncatedCiphertextIsRefused() throws Exception {
        String cipher = UplinkCipher.forPublicKey(park.getPublic()).encrypt(OUT_PARK);
        byte[] raw = Base64.getDecoder().decode(cipher);
        String cut = Base64.getEncoder().encodeToString(java.util.Arrays.copyOf(raw, raw.length - 5));
        assertThatThrownBy(() -> UplinkCipher.decrypt(cut, park.getPrivate()))
                .isInstanceOf(GeneralSecurityException.class);
    }
}
