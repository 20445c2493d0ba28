package com.boothdesk.devices.camera.common;

import java.util.Locale;

/** The camera protocols a lane can name in {@code lane.<id>.camera.kind}. */
public enum CameraKind {
    /** Zhenshi (臻识) HTTP push to the booth ({@code ZhenshiPushServer}); the default. */
    ZHENSHI,
    /** Zhenshi TCP/JSON on the camera's port 8131 ({@code VZ} 8-byte header). */
    ZHENSHI_TCP,
    /** Hikvision ISAPI: ANPR events pushed to the booth ("HTTP listening"), barrier by ISAPI, digest auth. */
    HIKVISION,
    /** Dahua ITC: ITSAPI event push to the booth, barrier by {@code trafficSnap.cgi}, digest auth. */
    DAHUA,
    /** Huaxia (华夏智信) HTTP POST mode 5: results and heartbeats pushed, commands in the reply. */
    HUAXIA;

    /** Parses {@code zhenshi}, {@code zhenshi_tcp}, {@code hikvision}, {@code dahua}, {@code huaxia}. */
    public static CameraKind parse(String text) {
        if (text == null || text.isBlank()) {
            return ZHENSHI;
        }
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown camera kind '" + text
                    + "' (zhenshi, zhenshi_tcp, hikvision, dahua, huaxia)");
        }
    }

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
