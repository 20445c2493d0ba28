package com.boothdesk.devices.camera.common;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * HTTP Digest access authentication, client side (RFC 7616, compatible with RFC 2617 and the RFC 2069 form without
 * {@code qop}): MD5, MD5-sess, SHA-256 and SHA-256-sess with {@code qop=auth}. One instance per camera: it keeps the
 * last challenge and counts {@code nc} so that later requests authenticate without a round trip; a 401 with
 * {@code stale=true} or a new nonce simply replaces the challenge. Hikvision and Dahua cameras use it on ISAPI/CGI.
 */
public final class DigestAuth {

    /** A parsed {@code WWW-Authenticate: Digest ...} challenge. */
    public record Challenge(String realm, String nonce, String opaque, String algorithm, List<String> qop,
                            boolean stale) {
        public Challenge {
            Objects.requireNonNull(realm, "realm");
            Objects.requireNonNull(nonce, "nonce");
            algorithm = algorithm == null || algorithm.isBlank() ? "MD5" : algorithm.trim();
            qop = List.copyOf(qop);
        }

        /** How strong the algorithm is, to pick among several challenges: SHA-256 over MD5. */
        int strength() {
            return algorithm.toUpperCase(Locale.ROOT).startsWith("SHA-256") ? 2 : 1;
        }
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    private final String user;
    private final String password;
    private final Supplier<String> cnonces;
    private Challenge challenge;
    private int nc;

    public DigestAuth(String user, String password) {
        this(user, password, DigestAuth::randomCnonce);
    }

    /** With a given cnonce source (tests use a fixed one to compare with published vectors). */
    public DigestAuth(String user, String password, Supplier<String> cnonces) {
        this.user = Objects.requireNonNull(user, "user");
        this.password = Objects.requireNonNull(password, "password");
        this.cnonces = Objects.requireNonNull(cnonces, "cnonces");
    }

    /**
     * Takes the challenges of a 401 answer (every {@code WWW-Authenticate} header). Returns false when none is a
     * usable Digest challenge (e.g. Basic only, or {@code qop=auth-int} only), so the caller reports it.
     */
    public synchronized boolean accept(List<String> wwwAuthenticate) {
        Challenge best = null;
        for (String header : wwwAuthenticate) {
            for (Challenge c : parseAll(header)) {
                boolean usable = c.qop().isEmpty() || c.qop().contains("auth");
                boolean known = hashName(c.algorithm()) != null;
                if (usable && known && (best == null || c.strength() > best.strength())) {
                    best = c;
                }
            }
        }
        if (best == null) {
            return false;
        }
        challenge = best;
        nc = 0;
        return true;
    }

    public synchronized boolean hasChallenge() {
        return challenge != null;
    }

    /** The {@code Authorization} header for this request, or null before any challenge was accepted. */
    public synchronized String authorization(String method, String uri) {
        if (challenge == null) {
            return null;
        }
        nc++;
        return authorization(challenge, method, uri, String.format("%08x", nc), cnonces.get());
    }

    /** The header for an explicit challenge, nc and cnonce (pure; used by tests against RFC examples). */
    public String authorization(Challenge c, String method, String uri, String ncHex, String cnonce) {
        String hash = hashName(c.algorithm());
        if (hash == null) {
            throw new IllegalArgumentException("unsupported digest algorithm " + c.algorithm());
        }
        boolean qopAuth = c.qop().contains("auth");
        String response = response(c, method, uri, ncHex, cnonce, user, password);
        StringBuilder h = new StringBuilder("Digest ");
        h.append("username=\"").append(quote(user)).append("\", realm=\"").append(quote(c.realm()))
                .append("\", nonce=\"").append(quote(c.nonce())).append("\", uri=\"").append(quote(uri))
                .append("\", algorithm=").append(c.algorithm());
        if (qopAuth) {
            h.append(", qop=auth, nc=").append(ncHex).append(", cnonce=\"").append(quote(cnonce)).append('"');
        }
        h.append(", response=\"").append(response).append('"');
        if (c.opaque() != null) {
            h.append(", opaque=\"").append(quote(c.opaque())).append('"');
        }
        return h.toString();
    }

    /** The {@code response} value (RFC 7616 §3.4.1); also what a verifying server computes. */
    public static String response(Challenge c, String method, String uri, String ncHex, String cnonce,
                                  String user, String password) {
        String hash = hashName(c.algorithm());
        if (hash == null) {
            throw new IllegalArgumentException("unsupported digest algorithm " + c.algorithm());
        }
        String ha1 = h(hash, user + ":" + c.realm() + ":" + password);
        if (c.algorithm().toLowerCase(Locale.ROOT).endsWith("-sess")) {
            ha1 = h(hash, ha1 + ":" + c.nonce() + ":" + cnonce);
        }
        String ha2 = h(hash, method + ":" + uri);
        if (c.qop().contains("auth")) {
            return h(hash, ha1 + ":" + c.nonce() + ":" + ncHex + ":" + cnonce + ":auth:" + ha2);
        }
        return h(hash, ha1 + ":" + c.nonce() + ":" + ha2);
    }

    /** Every Digest challenge in one header value (a header may also carry Basic or several Digest ones). */
    public static List<Challenge> parseAll(String header) {
        List<Challenge> out = new ArrayList<>();
        if (header == null) {
            return out;
        }
        // split into schemes: a token followed by a space starts a new challenge when it is not a param name
        List<Map.Entry<String, Map<String, String>>> schemes = new ArrayList<>();
        int i = 0;
        int n = header.length();
        Map<String, String> current = null;
        while (i < n) {
            while (i < n && (header.charAt(i) == ' ' || header.charAt(i) == ',' || header.charAt(i) == '\t')) {
                i++;
            }
            int start = i;
            while (i < n && header.charAt(i) != '=' && header.charAt(i) != ' ' && header.charAt(i) != ',') {
                i++;
            }
            String token = header.substring(start, i);
            if (token.isEmpty()) {
                i++;
                continue;
            }
            if (i < n && header.charAt(i) == '=') {
                i++;
                String value;
                if (i < n && header.charAt(i) == '"') {
                    StringBuilder v = new StringBuilder();
                    i++;
                    while (i < n && header.charAt(i) != '"') {
                        if (header.charAt(i) == '\\' && i + 1 < n) {
                            i++;
                        }
                        v.append(header.charAt(i++));
                    }
                    i++;
                    value = v.toString();
                } else {
                    int vs = i;
                    while (i < n && header.charAt(i) != ',') {
                        i++;
                    }
                    value = header.substring(vs, i).trim();
                }
                if (current != null) {
                    current.put(token.toLowerCase(Locale.ROOT), value);
                }
            } else {
                current = new LinkedHashMap<>();
                schemes.add(Map.entry(token, current));
            }
        }
        for (Map.Entry<String, Map<String, String>> s : schemes) {
            if (!s.getKey().equalsIgnoreCase("Digest")) {
                continue;
            }
            Map<String, String> p = s.getValue();
            if (p.get("nonce") == null) {
                continue;
            }
            List<String> qop = new ArrayList<>();
            if (p.get("qop") != null) {
                for (String q : p.get("qop").split(",")) {
                    if (!q.isBlank()) {
                        qop.add(q.trim().toLowerCase(Locale.ROOT));
                    }
                }
            }
            out.add(new Challenge(p.getOrDefault("realm", ""), p.get("nonce"), p.get("opaque"),
                    p.get("algorithm"), qop, "true".equalsIgnoreCase(p.get("stale"))));
        }
        return out;
    }

    /** The parameters of an {@code Authorization: Digest ...} header (for the verifying side). */
    public static Map<String, String> parseAuthorization(String header) {
        Map<String, String> out = new LinkedHashMap<>();
        if (header == null || !header.regionMatches(true, 0, "Digest ", 0, 7)) {
            return out;
        }
        String body = "Digest " + header.substring(7);
        int i = 7;
        int n = body.length();
        while (i < n) {
            while (i < n && (body.charAt(i) == ' ' || body.charAt(i) == ',')) {
                i++;
            }
            int start = i;
            while (i < n && body.charAt(i) != '=') {
                i++;
            }
            if (i >= n) {
                break;
            }
            String key = body.substring(start, i).trim().toLowerCase(Locale.ROOT);
            i++;
            String value;
            if (i < n && body.charAt(i) == '"') {
                StringBuilder v = new StringBuilder();
                i++;
                while (i < n && body.charAt(i) != '"') {
                    if (body.charAt(i) == '\\' && i + 1 < n) {
                        i++;
                    }
                    v.append(body.charAt(i++));
                }
                i++;
                value = v.toString();
            } else {
                int vs = i;
                while (i < n && body.charAt(i) != ',') {
                    i++;
                }
                value = body.substring(vs, i).trim();
            }
            out.put(key, value);
        }
        return out;
    }

    private static String hashName(String algorithm) {
        String a = algorithm.toUpperCase(Locale.ROOT);
        if (a.equals("MD5") || a.equals("MD5-SESS")) {
            return "MD5";
        }
        if (a.equals("SHA-256") || a.equals("SHA-256-SESS")) {
            return "SHA-256";
        }
        return null;
    }

    private static String h(String algorithm, String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm)
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(algorithm + " missing from the JDK", e);
        }
    }

    private static String quote(String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"");
    }

    private static String randomCnonce() {
        byte[] b = new byte[16];
        RANDOM.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }
}
