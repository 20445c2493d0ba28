package com.boothdesk.devices.camera.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class MultipartTest {
    @Test
    void partsWithNamesTypesAndExactBytesIncludingLfOnlyCameras() {
        String body = "--b\r\nContent-Disposition: form-data; name=\"a.xml\"\r\nContent-Type: application/xml\r\n\r\n"
                + "<x/>\r\n--b\nContent-Disposition: form-data; name=\"p\"; filename=\"p.jpg\"\nContent-Type: image/jpeg"
                + "\n\n\u00ff\u00d8\r\n\r\n--b--\r\n";
        List<Multipart.Part> parts = Multipart.parse("multipart/form-data; boundary=\"b\"",
                body.getBytes(StandardCharsets.ISO_8859_1));
        assertThat(parts).hasSize(2);
        assertThat(parts.get(0).name()).isEqualTo("a.xml");
        assertThat(parts.get(0).contentType()).isEqualTo("application/xml");
        assertThat(parts.get(0).text()).isEqualTo("<x/>");
        assertThat(parts.get(1).fileName()).isEqualTo("p.jpg");
        // a CRLF inside the data stays; only the one before the boundary goes
        assertThat(parts.get(1).data()).containsExactly(0xFF, 0xD8, '\r', '\n');
    }

    @Test
    void brokenBodiesAreRefusedWithTheReason() {
        assertThatThrownBy(() -> Multipart.parse("multipart/form-data", new byte[0]))
                .hasMessageContaining("boundary");
        assertThatThrownBy(() -> Multipart.parse("multipart/form-data; boundary=b", "no boundary".getBytes()))
                .hasMessageContaining("not found");
        assertThatThrownBy(() -> Multipart.parse("multipart/form-data; boundary=b", "--b\r\nX: y\r\n\r\ndata"
                .getBytes())).hasMessageContaining("not closed");
        StringBuilder many = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            many.append("--b\r\n\r\nx\r\n");
        }
        many.append("--b--");
        assertThatThrownBy(() -> Multipart.parse("multipart/form-data; boundary=b", many.toString().getBytes()))
                .hasMessageContaining("parts");
    }
}
