package com.boothdesk.app.hardware.camera;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.boothdesk.app.config.BoothConfig;
import com.boothdesk.app.config.ConfigException;
import com.boothdesk.app.config.LaneConfig;
import com.boothdesk.devices.camera.common.CameraKind;

/**
 * The camera keys of the site file (docs/configuration.md, "Lane cameras of every brand"): which protocol each lane's
 * camera speaks, where it is, its credentials, whether the lane's LED/voice card hangs on the camera's RS485 port,
 * and the booth's listener for the brands that push.
 *
 * @param listenHost  where the push listener for Hikvision, Dahua and Huaxia binds
 * @param listenPort  its port (0 = any free port, for tests; a site sets a fixed one)
 * @param clockSync   how often the camera clocks are set from the booth (0 = never)
 * @param whiteListSync how often the camera white lists are compared with the booth's lists
 * @param decisionWait how long a reply-only camera (Huaxia) is kept waiting for the lane's decision, so that the gate
 *                     opens in the answer to the push itself
 * @param streamIdle  how long a camera's event stream may stay silent before the booth reconnects
 * @param whiteListCheck how often the booth's lists are checked for a change (then the cameras are synced at once)
 * @param clockRetry  after how long a camera that did not take the booth's time is tried again
 */
public record CameraSettings(String listenHost, int listenPort, Duration clockSync, Duration whiteListSync,
                             Duration decisionWait, Duration streamIdle, Duration whiteListCheck,
                             List<CameraLane> lanes, Duration clockRetry) {

    public CameraSettings(String listenHost, int listenPort, Duration clockSync, Duration whiteListSync,
                          Duration decisionWait, Duration streamIdle, Duration whiteListCheck, List<CameraLane> lanes) {
        this(listenHost, listenPort, clockSync, whiteListSync, decisionWait, streamIdle, whiteListCheck, lanes,
                Duration.ofMinutes(5));
    }

    /**
     * One lane's camera.
     *
     * @param cameraId    {@code lane.<id>.camera}: the id pushes carry and the listener path names
     * @param host        the camera's address (commands go there; pushes must come from there)
     * @param port        its TCP/HTTP port (default per brand)
     * @param channel     the camera channel (Hikvision/Dahua, default 1)
     * @param cardViaCamera the lane's LED/voice card hangs on the camera's RS485 port ({@code card.via=camera})
     * @param rs485       that port: 0 = RS485-1, 1 = RS485-2
     * @param whiteList   the camera keeps the booth's monthly and white plates for a total outage
     * @param stream      the booth reads the camera's events from its event stream ({@code camera.events=stream}:
     *                    Hikvision alertStream, Dahua snap stream) instead of waiting for pushes
     * @param entry       an entry lane (its camera's list keeps only the cards that may use the lane)
     * @param cardAckWait {@code card.ack_timeout_ms}: how long the card driver waits for the card's ACK relayed by the
     *                    camera (0 = the camera does not relay it: frames go without ACK); null = the brand's default
     *                    (Zhenshi TCP 600 ms, the others none)
     */
    public record CameraLane(String laneId, String cameraId, CameraKind kind, String host, int port, String user,
                             String password, int channel, boolean cardViaCamera, int rs485, boolean whiteList,
                             boolean stream, boolean entry, Duration cardAckWait) {

        public CameraLane(String laneId, String cameraId, CameraKind kind, String host, int port, String user,
                          String password, int channel, boolean cardViaCamera, int rs485, boolean whiteList,
                          boolean stream, boolean entry) {
            this(laneId, cameraId, kind, host, port, user, password, channel, cardViaCamera, rs485, whiteList, stream,
                    entry, null);
        }
    }

    public static CameraSettings from(BoothConfig config) {
        Map<String, String> k = config.keys();
        String host = get(k, "camera.listen.host", get(k, "camera.http.host", "127.0.0.1"));
        int port = integer(k, "camera.listen.port", 0, 0, 65535);
        List<CameraLane> lanes = new ArrayList<>();
        for (LaneConfig lc : config.lanes()) {
            String p = "lane." + lc.lane().id() + ".";
            CameraKind kind;
            try {
                kind = CameraKind.parse(k.get(p + "camera.kind"));
            } catch (IllegalArgumentException e) {
                throw new ConfigException(p + "camera.kind: " + e.getMessage());
            }
            String via = get(k, p + "card.via", "serial").trim().toLowerCase(Locale.ROOT);
            if (!via.equals("serial") && !via.equals("camera")) {
                throw new ConfigException(p + "card.via: 'serial' or 'camera', not '" + via + "'");
            }
            int defPort = switch (kind) {
                case ZHENSHI_TCP -> 8131;
                case HIKVISION, DAHUA -> 80;
                default -> 0;
            };
            String camHost = get(k, p + "camera.host", "");
            if (kind != CameraKind.ZHENSHI && camHost.isBlank()) {
                throw new ConfigException(p + "camera.host: the address of the " + kind.key() + " camera is needed");
            }
            if (via.equals("camera") && (kind == CameraKind.HIKVISION || kind == CameraKind.DAHUA)) {
                throw new ConfigException(p + "card.via=camera: a " + kind.key() + " camera has no RS485 "
                        + "pass-through the booth can drive; wire the card to the booth (card.via=serial)");
            }
            String events = get(k, p + "camera.events", "push").trim().toLowerCase(Locale.ROOT);
            if (!events.equals("push") && !events.equals("stream")) {
                throw new ConfigException(p + "camera.events: 'push' or 'stream', not '" + events + "'");
            }
            if (events.equals("stream") && kind != CameraKind.HIKVISION && kind != CameraKind.DAHUA) {
                throw new ConfigException(p + "camera.events=stream: only hikvision and dahua cameras have an event "
                        + "stream the booth reads (a " + kind.key() + " camera sends its events by itself)");
            }
            String ackKey = p + "card.ack_timeout_ms";
            Duration ackWait = k.get(ackKey) == null || k.get(ackKey).isBlank() ? null
                    : Duration.ofMillis(integer(k, ackKey, 0, 0, 10_000));
            if (ackWait != null && !via.equals("camera")) {
                throw new ConfigException(ackKey + ": only for card.via=camera (a card on the booth's own RS485 "
                        + "adapter always answers on the line)");
            }
            lanes.add(new CameraLane(lc.lane().id(), lc.camera(), kind, camHost.trim(),
                    integer(k, p + "camera.port", defPort, 0, 65535), get(k, p + "camera.user", ""),
                    get(k, p + "camera.password", ""), integer(k, p + "camera.channel", 1, 1, 64),
                    via.equals("camera"), integer(k, p + "card.rs485", 1, 1, 2) - 1,
                    Boolean.parseBoolean(get(k, p + "camera.white_list", "true").trim()), events.equals("stream"),
                    lc.lane().direction() == com.boothdesk.app.domain.lane.LaneDirection.ENTRY, ackWait));
        }
        return new CameraSettings(host, port, Duration.ofMinutes(integer(k, "camera.clock_sync_minutes", 60, 0,
                24 * 60)), Duration.ofSeconds(integer(k, "camera.white_list_sync_seconds", 60, 5, 86_400)),
                Duration.ofMillis(integer(k, "camera.decision_wait_ms", 1500, 0, 5000)),
                Duration.ofSeconds(integer(k, "camera.stream_idle_seconds", 30, 1, 600)),
                Duration.ofSeconds(integer(k, "camera.white_list_check_seconds", 3, 1, 3600)), List.copyOf(lanes),
                Duration.ofSeconds(integer(k, "camera.clock_retry_seconds", 300, 1, 86_400)));
    }

    /** Zhenshi HTTP lanes whose card hangs on the camera: their frames ride the push server's answers. */
    public List<CameraLane> replyCardLanes() {
        return lanes.stream().filter(l -> l.kind() == CameraKind.ZHENSHI && l.cardViaCamera()).toList();
    }

    /** The lanes whose camera is not the default Zhenshi HTTP push (those this module drives). */
    public List<CameraLane> adapterLanes() {
        return lanes.stream().filter(l -> l.kind() != CameraKind.ZHENSHI).toList();
    }

    private static String get(Map<String, String> k, String key, String def) {
        String v = k.get(key);
        return v == null || v.isBlank() ? def : v.trim();
    }

    private static int integer(Map<String, String> k, String key, int def, int min, int max) {
        String v = k.get(key);
        if (v == null || v.isBlank()) {
            return def;
        }
        try {
            int n = Integer.parseInt(v.trim());
            if (n < min || n > max) {
                throw new ConfigException(key + ": " + n + " is outside " + min + ".." + max);
            }
            return n;
        } catch (NumberFormatException e) {
            throw new ConfigException(key + ": not a number: '" + v + "'");
        }
    }
}
