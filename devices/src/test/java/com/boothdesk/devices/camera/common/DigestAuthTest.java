package com.boothdesk.devices.camera.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Digest responses against the published examples of RFC 2617 §3.5 and RFC 7616 §3.9.1. */
class DigestAuthTest {

    @Test
    void rfc2617Example() {
        DigestAuth.Challenge c = DigestAuth.parseAll("Digest realm=\"testrealm@host.com\", qop=\"auth,auth-int\", "
                + "nonce=\"dcd98b7102dd2f0e8b11d0f600bfb0c093\", opaque=\"5ccc069c403ebaf9f0171e9517f40e41\"").get(0);
        assertThat(c.qop()).containsExactly("auth", "auth-int");
        assertThat(DigestAuth.response(c, "GET", "/dir/index.html", "00000001", "0a4f113b", "Mufasa",
                "Circle Of Life")).isEqualTo("6629fae49393a05397450978507c4ef1");
    }

    @Test
    void rfc7616ExamplesMd5AndSha256() {
        String header = "Digest realm=\"http-auth@example.org\", qop=\"auth, auth-int\", algorithm=SHA-256, "
                + "nonce=\"7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v\", "
                + "opaque=\"FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS\", "
                + "Digest realm=\"http-auth@example.org\", qop=\"auth, auth-int\", algorithm=MD5, "
                + "nonce=\"7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v\", "
                + "opaque=\"FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS\"";
        List<DigestAuth.Challenge> all = DigestAuth.parseAll(header);
        assertThat(all).extracting(DigestAuth.Challenge::algorithm).containsExactly("SHA-256", "MD5");
        String cnonce = "f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ";
        assertThat(DigestAuth.response(all.get(1), "GET", "/dir/index.html", "00000001", cnonce, "Mufasa",
                "Circle of Life")).isEqualTo("8ca523f5e9506fed4657c9700eebdbec");
        assertThat(DigestAuth.response(all.get(0), "GET", "/dir/index.html", "00000001", cnonce, "Mufasa",
                "Circle of Life")).isEqualTo("753927fa0e85d155564e2e272a28d1802ca10daf4496794697cf8db5856cb6c1");
    }

    @Test
    void clientPrefersSha256CountsNcAndBuildsAParsableHeader() {
        DigestAuth a = new DigestAuth("admin", "pw\"x", () -> "abc");
        assertThat(a.accept(List.of("Basic realm=\"x\"", "Digest realm=\"r\", nonce=\"n1\", qop=\"auth\", "
                + "algorithm=MD5", "Digest realm=\"r\", nonce=\"n2\", qop=\"auth\", algorithm=SHA-256"))).isTrue();
        String h1 = a.authorization("PUT", "/ISAPI/Parking/channels/1/barrierGate");
        String h2 = a.authorization("PUT", "/ISAPI/Parking/channels/1/barrierGate");
        Map<String, String> p1 = DigestAuth.parseAuthorization(h1);
        Map<String, String> p2 = DigestAuth.parseAuthorization(h2);
        assertThat(p1).containsEntry("nonce", "n2").containsEntry("nc", "00000001").containsEntry("username", "admin")
                .containsEntry("uri", "/ISAPI/Parking/channels/1/barrierGate").containsEntry("algorithm", "SHA-256");
        assertThat(p2).containsEntry("nc", "00000002");
        DigestAuth.Challenge c = new DigestAuth.Challenge("r", "n2", null, "SHA-256", List.of("auth"), false);
        assertThat(p1.get("response")).isEqualTo(DigestAuth.response(c, "PUT",
                "/ISAPI/Parking/channels/1/barrierGate", "00000001", "abc", "admin", "pw\"x"));
    }

    @Test
    void basicOnlyOrAuthIntOnlyIsNotAccepted() {
        DigestAuth a = new DigestAuth("u", "p");
        assertThat(a.accept(List.of("Basic realm=\"cam\""))).isFalse();
        assertThat(a.accept(List.of("Digest realm=\"r\", nonce=\"n\", qop=\"auth-int\""))).isFalse();
        assertThat(a.accept(List.of("Digest realm=\"r\", nonce=\"n\", algorithm=SHA-512-256"))).isFalse();
        assertThat(a.hasChallenge()).isFalse();
    }

    @Test
    void rfc2069FormWithoutQop() {
        DigestAuth a = new DigestAuth("u", "p", () -> "c");
        assertThat(a.accept(List.of("Digest realm=\"r\", nonce=\"n\""))).isTrue();
        Map<String, String> p = DigestAuth.parseAuthorization(a.authorization("GET", "/x"));
        assertThat(p).doesNotContainKey("qop").doesNotContainKey("nc");
        DigestAuth.Challenge c = new DigestAuth.Challenge("r", "n", null, null, List.of(), false);
        assertThat(p.get("response")).isEqualTo(DigestAuth.response(c, "GET", "/x", null, null, "u", "p"));
    }
}
