package com.boothdesk.app.cloud;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.boothdesk.app.config.BoothConfig;
import com.boothdesk.app.config.ConfigException;
import com.boothdesk.app.testing.TestBooth;
import com.boothdesk.sdk.link.CloudLinks;
import com.boothdesk.sdk.link.VendorSdkSettings;
import com.boothdesk.sdk.wire.UplinkCipher;

/**
 * cloud.uplink_public_key turns on 1.2.1 encrypted uplinks: the configured key reaches the vendor link's settings,
 * and an uplink encrypted with it is read back with the private key as the init reply delivers it (DES/CBC).
 */
class UplinkEncryptionConfigTest {

    @TempDir
    Path data;

    @Test
    void aConfiguredKeyEncryptsUplinksThatTheDeliveredPrivateKeyReads() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(1024);
        KeyPair park = g.generateKeyPair();
        String pub = Base64.getEncoder().encodeToString(park.getPublic().getEncoded());
        BoothConfig c = TestBooth.config(data, "cloud.mode", "vendor_sdk", "cloud.vendor_jar", "sdk.jar",
                "cloud.port", "9000", "cloud.uplink_public_key", pub);
        assertThat(c.cloud().uplinkPublicKey()).isEqualTo(pub);

        CloudLinks.Config lc = new CloudLinks.Config(CloudLinks.Mode.VENDOR_SDK, "127.0.0.1", 9000,
                data.resolve("sdk.jar"), c.cloud().uplinkPublicKey());
        VendorSdkSettings s = VendorSdkSettings.defaults(lc.vendorJar(), lc.host(), lc.port())
                .withUplinkPublicKey(lc.uplinkPublicKey());
        String outPark = "{\"service_name\":\"out_park\",\"car_number\":\"京A12345\",\"order_id\":\"A1_1\","
                + "\"remark\":\"" + "长".repeat(120) + "\"}"; // longer than one 117-byte block
        String wire = UplinkCipher.forPublicKey(s.uplinkPublicKey()).encrypt(outPark);

        String delivered = UplinkCipher.deliverPrivateKey(park.getPrivate(), c.cloud().unionId(), c.cloud().parkId(),
                UplinkCipher.DesKey.HEX_FIRST_8);
        PrivateKey sdkSide = UplinkCipher.deliveredPrivateKey(delivered, c.cloud().unionId(), c.cloud().parkId(),
                UplinkCipher.DesKey.HEX_FIRST_8);
        assertThat(UplinkCipher.decrypt(wire, sdkSide)).isEqualTo(outPark);
    }

    @Test
    void aBadKeyOrTheWrongModeIsAClearConfigurationError() {
        assertThatThrownBy(() -> TestBooth.config(data, "cloud.mode", "vendor_sdk", "cloud.vendor_jar", "sdk.jar",
                "cloud.port", "9000", "cloud.uplink_public_key", "bm90IGEga2V5"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("cloud.uplink_public_key");
        assertThatThrownBy(() -> TestBooth.config(data, "cloud.mode", "simulator", "cloud.uplink_public_key", "x"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("vendor_sdk");
        assertThat(TestBooth.config(data).cloud().uplinkPublicKey()).isNull();
    }
}
