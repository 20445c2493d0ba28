package com.boothdesk.sdk.picture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.boothdesk.sdk.link.CloudCredentials;
import com.boothdesk.sdk.link.LinkStatus;
import com.boothdesk.sdk.link.MessageRejectedException;
import com.boothdesk.sdk.link.TcpCloudLink;
import com.boothdesk.sdk.link.TcpLinkSettings;
import com.boothdesk.sdk.sim.CloudSimSettings;
import com.boothdesk.sdk.sim.CloudSimulator;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** 2.12 pictures over real HTTP, signed with the token of a real TCP login. */
class CarPictureUploaderTest {

    static final CloudCredentials CREDS = new CloudCredentials("200002", "21835", "booth1", "EA2D90FEEF1E9F8E");
    CloudSimulator sim;
    TcpCloudLink link;
    CarPictureUploader uploader;

    @BeforeEach
    void setUp() throws Exception {
        sim = new CloudSimulator(CloudSimSettings.of("200002", "21835", CREDS.secret()));
        sim.start();
        int http = sim.startHttp();
        link = new TcpCloudLink(TcpLinkSettings.defaults("127.0.0.1", sim.port()), CREDS, Clock.systemUTC());
        uploader = new CarPictureUploader(URI.create("http://127.0.0.1:" + http + "/"), CREDS, link::currentToken);
    }

    @AfterEach
    void tearDown() {
        link.close();
        sim.close();
    }

    @Test
    void aPictureTravelsOverHttpSignedWithTheLoginToken() throws Exception {
        link.start();
        await().atMost(Duration.ofSeconds(15)).until(() -> link.status() == LinkStatus.LOGGED_IN);
        byte[] jpeg = new byte[40_000];
        jpeg[0] = (byte) 0xFF;
        jpeg[1] = (byte) 0xD8;
        ObjectNode answer = uploader.upload(new CarPictureUploader.CarPicture("order", "A1_9", "in", "京A12345",
                1_700_000_000L, jpeg)).get(10, TimeUnit.SECONDS);
        assertThat(answer.path("state").asInt()).isEqualTo(1);
        assertThat(sim.received("upload_carpic")).singleElement().satisfies(r -> {
            assertThat(r.data().path("order_id").asText()).isEqualTo("A1_9");
            assertThat(r.data().path("park_order_type").asText()).isEqualTo("in");
            assertThat(Base64.getDecoder().decode(r.data().path("content").asText())).isEqualTo(jpeg);
        });
    }

    @Test
    void oversizePicturesAndMissingLoginAreRefusedBeforeSending() {
        assertThat(uploader.upload(new CarPictureUploader.CarPicture("order", "A1", "out", null, 1,
                new byte[CarPictureUploader.MAX_PICTURE_BYTES + 1]))).failsWithin(Duration.ofSeconds(1))
                .withThrowableOfType(ExecutionException.class).withCauseInstanceOf(MessageRejectedException.class);
        assertThat(uploader.upload(new CarPictureUploader.CarPicture("order", "A1", "out", null, 1, new byte[10])))
                .failsWithin(Duration.ofSeconds(1)).withThrowableOfType(ExecutionException.class)
                .withMessageContaining("no token");
        assertThat(sim.received()).isEmpty();
    }

    @Test
    void aStaleTokenIsRefusedByTheCloud() throws Exception {
        CarPictureUploader stale = new CarPictureUploader(URI.create("http://127.0.0.1:" + sim.startHttp() + "/"),
                CREDS, () -> Optional.of("0123456789abcdef0123456789abcdef"));
        ObjectNode answer = stale.upload(new CarPictureUploader.CarPicture("capture", "u1", null, null, 1,
                new byte[100])).get(10, TimeUnit.SECONDS);
        assertThat(answer.path("state").asInt()).isZero();
        assertThat(answer.path("errmsg").asText()).contains("token");
    }
}
