package com.boothdesk.sdk.picture;

import com.boothdesk.sdk.link.CloudCredentials;
import com.boothdesk.sdk.link.LinkDownException;
import com.boothdesk.sdk.link.MessageRejectedException;
import com.boothdesk.sdk.wire.WireCodec;
import com.boothdesk.sdk.wire.WireFormatException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * 2.12 {@code upload_carpic}: pictures do not fit the 1,024-byte TCP line, so, like the real SDK, they are POSTed
 * over HTTP to {@code /zld/carpicsup.do?action=receivepic}. The body is the same signed envelope as on the TCP line
 * ({@code service_name, sign, token, data}); that the real endpoint takes exactly this body is INFERRED (the notes
 * only know the URL). Pictures over 150 KB are refused before sending ("限制上传图片最大150k").
 */
public final class CarPictureUploader {

    /** Path of the real endpoint. */
    public static final String PATH = "/zld/carpicsup.do?action=receivepic";
    /** Largest picture the platform accepts. */
    public static final int MAX_PICTURE_BYTES = 150 * 1024;

    private static final Logger LOG = LoggerFactory.getLogger(CarPictureUploader.class);
    private static final Logger WIRE = LoggerFactory.getLogger("boothdesk.wire");

    /**
     * One picture.
     *
     * @param source        order / liftrod / confirm / capture ({@code picture_source})
     * @param key           the order_id, liftrod_id, event_id or uuid the picture belongs to
     * @param inOrOut       in / out for order pictures ({@code park_order_type}), else null
     * @param carNumber     plate, may be null
     * @param createdEpochSec when it was taken
     * @param jpeg          the image bytes
     */
    public record CarPicture(String source, String key, String inOrOut, String carNumber, long createdEpochSec,
                             byte[] jpeg) {
    }

    private final HttpClient http;
    private final URI endpoint;
    private final CloudCredentials creds;
    private final Supplier<Optional<String>> token;

    /**
     * @param baseUri the cloud's HTTP base, e.g. {@code http://yun.bolink.club}
     * @param token   the current login token (e.g. {@code TcpCloudLink::currentToken})
     */
    public CarPictureUploader(URI baseUri, CloudCredentials creds, Supplier<Optional<String>> token) {
        this.endpoint = baseUri.resolve(PATH);
        this.creds = creds;
        this.token = token;
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    }

    /** Uploads one picture; completes with the cloud's answer, exceptionally when refused or unreachable. */
    public CompletableFuture<ObjectNode> upload(CarPicture p) {
        if (p.jpeg().length > MAX_PICTURE_BYTES) {
            return CompletableFuture.failedFuture(new MessageRejectedException("picture is " + p.jpeg().length
                    + " bytes; the platform accepts at most " + MAX_PICTURE_BYTES));
        }
        Optional<String> t = token.get();
        if (t.isEmpty()) {
            return CompletableFuture.failedFuture(new LinkDownException("not logged in: no token for the upload"));
        }
        ObjectNode msg = WireCodec.MAPPER.createObjectNode();
        msg.put("service_name", "upload_carpic");
        msg.put("data_target", "cloud");
        msg.put("picture_source", p.source());
        String keyField = switch (p.source()) {
            case "liftrod" -> "liftrod_id";
            case "confirm" -> "event_id";
            case "capture" -> "uuid";
            default -> "order_id";
        };
        msg.put(keyField, p.key());
        if (p.inOrOut() != null) {
            msg.put("park_order_type", p.inOrOut());
        }
        if (p.carNumber() != null) {
            msg.put("car_number", p.carNumber());
        }
        msg.put("create_time", p.createdEpochSec());
        msg.put("pic_type", "jpg");
        msg.put("upload_type", "http");
        msg.put("content", Base64.getEncoder().encodeToString(p.jpeg()));
        String body = WireCodec.encodeUplink(msg, t.get(), creds.secret());
        WIRE.debug("http >> {} upload_carpic {}={} ({} bytes)", endpoint, keyField, p.key(), p.jpeg().length);
        HttpRequest req = HttpRequest.newBuilder(endpoint).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json;charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
        return http.sendAsync(req, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)).thenApply(r -> {
            WIRE.debug("http << {} {}", r.statusCode(), com.boothdesk.sdk.wire.LogSafe.wire(r.body(), false));
            if (r.statusCode() / 100 != 2) {
                throw new IllegalStateException("picture upload answered HTTP " + r.statusCode());
            }
            try {
                return WireCodec.parseObject(r.body().strip());
            } catch (WireFormatException e) {
                LOG.warn("unreadable picture upload answer: {}", r.body());
                throw new IllegalStateException("unreadable answer: " + e.getMessage(), e);
            }
        });
    }
}
