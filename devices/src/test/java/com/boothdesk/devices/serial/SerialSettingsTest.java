package com.boothdesk.devices.serial;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SerialSettingsTest {
    @Test
    void defaultsAre9600Eight_N_One() {
        assertThat(SerialSettings.of("COM3")).isEqualTo(new SerialSettings("COM3", 9600, SerialSettings.Parity.NONE,
                8, 1));
        assertThat(SerialSettings.parse("COM3")).isEqualTo(SerialSettings.of("COM3"));
    }

    @Test
    void parsesBaudAndFormat() {
        assertThat(SerialSettings.parse(" /dev/ttyUSB0 , 19200 ")).isEqualTo(SerialSettings.of("/dev/ttyUSB0")
                .withBaudRate(19200));
        assertThat(SerialSettings.parse("COM4,9600,7e2")).isEqualTo(new SerialSettings("COM4", 9600,
                SerialSettings.Parity.EVEN, 7, 2));
        assertThat(SerialSettings.parse("COM4,9600,8O1").toString()).isEqualTo("COM4 9600 8O1");
    }

    @Test
    void badSettingsNameTheBadPart() {
        assertThatThrownBy(() -> SerialSettings.parse("")).hasMessageContaining("empty");
        assertThatThrownBy(() -> SerialSettings.parse("COM3,fast")).hasMessageContaining("'fast'");
        assertThatThrownBy(() -> SerialSettings.parse("COM3,9600,8X1")).hasMessageContaining("8N1");
        assertThatThrownBy(() -> SerialSettings.parse("COM3,100")).hasMessageContaining("baud");
        assertThatThrownBy(() -> SerialSettings.parse("COM3,9600,8N1,x")).hasMessageContaining("too many");
    }
}
