package com.boothdesk.devices.sim.camerakit;

import com.boothdesk.devices.camera.common.DigestAuth;
import com.sun.net.httpserver.HttpExchange;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The server side of digest authentication for simulated cameras, strict as the cameras are: a request without a
 * valid {@code Authorization} gets 401 with a fresh nonce; the response hash, the realm, the nonce (issued here),
 * the uri and an increasing {@code nc} are all checked.
 */
public final class DigestGuard {
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String realm;
    private final String user;
    private final String password;
    private final String algorithm;
    private final Map<String, Long> nonces = new ConcurrentHashMap<>();
    private final AtomicInteger challenges = new AtomicInteger();
    private final AtomicInteger rejected = new AtomicInteger();

    public DigestGuard(String realm, String user, String password, String algorithm) {
        this.realm = realm;
        this.user = user;
        this.password = password;
        this.algorithm = algorithm;
    }

    /** True when the request carries valid credentials; otherwise a 401 challenge has been prepared on it. */
    public boolean check(HttpExchange ex) {
        String header = ex.getRequestHeaders().getFirst("Authorization");
        if (header != null && valid(ex.getRequestMethod(), ex.getRequestURI().toString(), header)) {
            return true;
        }
        if (header != null) {
            rejected.incrementAndGet();
        }
        byte[] b = new byte[16];
        RANDOM.nextBytes(b);
        String nonce = HexFormat.of().formatHex(b);
        nonces.put(nonce, 0L);
        challenges.incrementAndGet();
        ex.getResponseHeaders().add("WWW-Authenticate", "Digest realm=\"" + realm + "\", qop=\"auth\", nonce=\""
                + nonce + "\", opaque=\"" + HexFormat.of().formatHex(realm.getBytes()) + "\", algorithm=" + algorithm
                + ", stale=\"FALSE\"");
        return false;
    }

    private boolean valid(String method, String uri, String header) {
        Map<String, String> p = DigestAuth.parseAuthorization(header);
        String nonce = p.get("nonce");
        if (nonce == null || !nonces.containsKey(nonce) || !user.equals(p.get("username"))
                || !realm.equals(p.get("realm")) || !uri.equals(p.get("uri"))) {
            return false;
        }
        long nc;
        try {
            nc = Long.parseLong(p.getOrDefault("nc", ""), 16);
        } catch (NumberFormatException e) {
            return false;
        }
        DigestAuth.Challenge c = new DigestAuth.Challenge(realm, nonce, null, algorithm, List.of("auth"), false);
        String expected = DigestAuth.response(c, method, uri, p.get("nc"), p.getOrDefault("cnonce", ""), user,
                password);
        if (!expected.equals(p.get("response"))) {
            return false;
        }
        Long last = nonces.get(nonce);
        if (nc <= last) {
            return false; // replayed
        }
        nonces.put(nonce, nc);
        return true;
    }

    /** How many 401 challenges were sent. */
    public int challenges() {
        return challenges.get();
    }

    /** Requests that carried wrong credentials. */
    public int rejected() {
        return rejected.get();
    }

    /** Forgets every nonce (as a camera reboot would): the next request meets a new challenge. */
    public void expireNonces() {
        nonces.clear();
    }

    Set<String> nonces() {
        return nonces.keySet();
    }
}
