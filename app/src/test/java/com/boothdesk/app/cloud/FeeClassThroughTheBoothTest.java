package com.boothdesk.app.cloud;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.boothdesk.app.domain.lane.LaneController;
import com.boothdesk.app.domain.lane.LanePhase;
import com.boothdesk.app.domain.lane.VehicleClasses;
import com.boothdesk.app.domain.order.OrderStatus;
import com.boothdesk.app.testing.RunningBooth;
import com.boothdesk.app.ui.FakeLane;
import com.boothdesk.app.ui.lane.VehicleClassViewModel;
import com.boothdesk.app.ui.port.LanePort;
import com.boothdesk.app.ui.port.UiPorts;
import com.boothdesk.devices.sim.CardEvent;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * proto3, 3.15 and the plate colour: the class a stay is priced with is decided at the entry (yellow plate: large;
 * a monthly card whose cloud car type, delivered by 3.15 over the real TCP link, names a class: that class, whatever
 * the plate colour), kept in H2 and shown at the exit; the attendant switches it there through the exit panel's
 * view-model: the fee is priced again, the LED shows it, the voice is not replayed, and the closed stay and its
 * out_park carry the class. The demo tariff: small 7 元 for 08:00-11:00, large twice that.
 */
class FeeClassThroughTheBoothTest {

    @TempDir
    static Path data;
    static RunningBooth booth;

    @BeforeAll
    static void start() {
        booth = RunningBooth.start(data);
    }

    @AfterAll
    static void stop() {
        booth.close();
    }

    /** A Zhenshi push of {@code plate} with the camera's plate colour (1 blue, 2 yellow, 5 green). */
    static void push(String serial, String plate, int colour) {
        long id = System.nanoTime() % 1_000_000_000L;
        String body = "{\"AlarmInfoPlate\":{\"channel\":0,\"deviceName\":\"IVS\",\"ipaddr\":\"127.0.0.1\","
                + "\"serialno\":\"" + serial + "\",\"result\":{\"PlateResult\":{\"license\":\"" + plate
                + "\",\"colorType\":" + colour + ",\"type\":1,\"confidence\":95,\"triggerType\":8,\"plateid\":" + id
                + ",\"isoffline\":0,\"timeStamp\":{\"Timeval\":{\"sec\":" + booth.clock.instant().getEpochSecond()
                + ",\"usec\":0}}}}}}";
        booth.camera(serial).postRaw(body.getBytes(StandardCharsets.UTF_8), "application/json");
    }

    static String enter(String plate, int colour) {
        push("SIM-CAM-A1", plate, colour);
        await().atMost(RunningBooth.WAIT).until(() -> booth.app.orders().findInLot(plate).isPresent());
        booth.clock.advance(Duration.ofSeconds(1));
        return booth.app.orders().findInLot(plate).orElseThrow().orderId();
    }

    static long voices() {
        return booth.app.hardware().simulatedCard("B1").orElseThrow().events().stream()
                .filter(e -> e instanceof CardEvent.VoicePlayed).count();
    }

    static long texts() {
        return booth.app.hardware().simulatedCard("B1").orElseThrow().events().stream()
                .filter(e -> e instanceof CardEvent.TextShown).count();
    }

    @Test
    void theCloudsCarTypeOfAMonthlyCardDecidesItsClassOverThePlateColour() throws Exception {
        ObjectNode a = booth.push("{'service_name':'car_type_sync','data':{'car_type_id':'CT-DA','name':'大型客车',"
                + "'sort':1,'create_time':1764000000,'update_time':1764000000,'operate_type':1}}");
        assertThat(a.path("state").asInt()).isEqualTo(1);
        assertThat(a.path("car_type_id").asText()).isEqualTo("CT-DA");
        ObjectNode m = booth.push("{'service_name':'month_member_sync','data':{'card_id':'FC1','operate_type':1,"
                + "'begin_time':1764000000,'end_time':1798000000,'car_number':'京FC0001','name':'李四',"
                + "'p_lot':'1','price':'300.00','park_id':'24155','car_type_id':'CT-DA'}}");
        assertThat(m.path("state").asInt()).isEqualTo(1);
        String blueMonthly = enter("京FC0001", 1);
        assertThat(booth.app.orders().find(blueMonthly).orElseThrow().carType())
                .as("the card's cloud car type 大型客车 names large").isEqualTo("large");
        // a car type the site maps to no class of the tariff: the plate colour decides
        booth.push("{'service_name':'car_type_sync','data':{'car_type_id':'CT-X','name':'特种车','sort':2,"
                + "'operate_type':1}}");
        booth.push("{'service_name':'month_member_sync','data':{'card_id':'FC2','operate_type':1,"
                + "'begin_time':1764000000,'end_time':1798000000,'car_number':'京FC0002','name':'王五',"
                + "'p_lot':'1','price':'300.00','park_id':'24155','car_type_id':'CT-X'}}");
        assertThat(booth.app.orders().find(enter("京FC0002", 1)).orElseThrow().carType()).isEqualTo("small");
    }

    @Test
    void aYellowPlateIsPricedLargeAndTheAttendantSwitchesItAtTheExitWithoutTheVoice() throws Exception {
        String green = enter("京FG0003", 5);
        assertThat(booth.app.orders().find(green).orElseThrow().carType())
                .as("green maps to new_energy, which the demo tariff does not price: the default class")
                .isEqualTo("small");
        String orderId = enter("京FY0001", 2);
        assertThat(booth.app.orders().find(orderId).orElseThrow().carType()).isEqualTo("large");

        LanePort port = UiPorts.of(booth.app).lanes().stream().filter(l -> l.lane().id().equals("B1")).findFirst()
                .orElseThrow();
        VehicleClassViewModel vm = new VehicleClassViewModel(port, FakeLane.env()).start();
        assertThat(port.vehicleClasses()).extracting(VehicleClasses.Choice::name).containsExactly("小车", "大车");

        booth.clock.advance(Duration.ofHours(3));
        push("SIM-CAM-B1", "京FY0001", 2);
        LaneController exit = booth.app.lane("B1");
        await().atMost(RunningBooth.WAIT).until(() -> exit.state().get().phase() == LanePhase.AWAITING_PAYMENT
                && exit.state().get().order().orderId().equals(orderId));
        assertThat(exit.waitingToPay().orElseThrow().quote().totalFen()).as("large: twice 7 元").isEqualTo(1400);
        await().atMost(RunningBooth.WAIT).until(() -> vm.nameProperty().get().equals("大车"));
        assertThat(vm.canSwitchProperty().get()).isTrue();
        // the fee's voice has been played once; the LED's lines are on the card
        await().atMost(RunningBooth.WAIT).until(() -> voices() > 0 && texts() > 0);
        long voicesBefore = voices();
        long textsBefore = texts();

        vm.next(); // Ctrl+F11: the next class after large is small
        await().atMost(RunningBooth.WAIT).until(() -> exit.waitingToPay().map(s -> s.quote().totalFen())
                .orElse(-1L) == 700);
        await().atMost(RunningBooth.WAIT).until(() -> vm.nameProperty().get().equals("小车"));
        assertThat(exit.state().get().messageKey()).isEqualTo("exit.class.switched");
        await().atMost(RunningBooth.WAIT).until(() -> texts() > textsBefore); // the LED shows the new fee
        assertThat(voices()).as("the voice is not replayed").isEqualTo(voicesBefore);
        assertThat(vm.errorProperty().get()).isEmpty();

        exit.settleCash(0).get();
        var closed = booth.app.orders().find(orderId).orElseThrow();
        assertThat(closed.status()).isEqualTo(OrderStatus.CLOSED);
        assertThat(closed.carType()).as("the class kept on the stay").isEqualTo("small");
        assertThat(closed.dueFen()).isEqualTo(700);
        await().atMost(RunningBooth.WAIT).until(() -> booth.cloud().received("out_park").stream()
                .anyMatch(u -> u.data().path("order_id").asText().equals(orderId)));
        assertThat(booth.cloud().received("out_park").stream()
                .filter(u -> u.data().path("order_id").asText().equals(orderId))).singleElement()
                .satisfies(u -> assertThat(u.data().path("car_type").asText()).isEqualTo("小车"));
        assertThat(vm.canSwitchProperty().get()).as("a car that left has no class to switch").isFalse();
    }
}
