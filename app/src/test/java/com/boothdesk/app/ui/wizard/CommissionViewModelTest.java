package com.boothdesk.app.ui.wizard;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.boothdesk.app.ops.CardProbe;

/** The commissioning rules, without a window (the card test's result is checked in CommissionWizardFxTest). */
class CommissionViewModelTest {

    @TempDir
    Path data;

    private final List<Runnable> queued = new ArrayList<>();
    private final List<String> probed = new ArrayList<>();
    private final List<Path> hookCalls = new ArrayList<>();

    private CommissionViewModel vm() {
        return new CommissionViewModel(data, queued::add, (port, address, baud) -> {
            probed.add(port + "@" + address + "/" + baud);
            return new CardProbe.Result(true, "ACK 0");
        }, hookCalls::add, Clock.systemUTC());
    }

    private static void fill(CommissionViewModel vm) {
        vm.parkIdProperty().set("24155");
        vm.unionIdProperty().set("200128");
        vm.secretProperty().set("S3CRET-KEY-01");
        vm.cloudHostProperty().set("10.0.0.5");
        vm.cloudPortProperty().set("9003");
        vm.cameraAllowedProperty().set("192.168.1.64");
        for (LaneRowViewModel row : vm.lanes()) {
            row.cameraProperty().set("CAM-" + row.idProperty().get());
            row.cardPortProperty().set("/dev/ttyUSB0");
        }
    }

    @Test
    void anEmptyFormNamesEveryMissingFieldAndWritesNothing() {
        CommissionViewModel vm = vm();
        assertThat(vm.commission()).isFalse();
        assertThat(vm.errors()).containsKeys("cloud.park_id", "cloud.union_id", "cloud.secret", "cloud.host",
                "cloud.port", "camera.allowed", "lane.A1.camera", "lane.A1.card.port", "lane.B1.card.port");
        assertThat(vm.statusProperty().get()).contains("fix");
        assertThat(vm.outcomeProperty().get()).isEqualTo(CommissionViewModel.Outcome.PENDING);
        assertThat(data.resolve("boothdesk.properties")).doesNotExist();
        assertThat(hookCalls).isEmpty();
    }

    @Test
    void fixingAFieldClearsItsProblemOnTheNextCheck() {
        CommissionViewModel vm = vm();
        fill(vm);
        vm.cloudPortProperty().set("port");
        assertThat(vm.validate()).isFalse();
        assertThat(vm.errors()).containsOnlyKeys("cloud.port");
        vm.cloudPortProperty().set("9003");
        assertThat(vm.errors()).as("re-checked on the change itself").isEmpty();
        vm.lanes().get(1).cardAddressProperty().set("256");
        assertThat(vm.errors()).containsOnlyKeys("lane.B1.card.address");
        vm.lanes().get(1).cardAddressProperty().set("1");
        assertThat(vm.validate()).isTrue();
    }

    @Test
    void simulatorModeNeedsNoCloudAddressOrSecret() {
        CommissionViewModel vm = vm();
        fill(vm);
        vm.cloudModeProperty().set("simulator");
        vm.secretProperty().set("");
        vm.cloudHostProperty().set("");
        assertThat(vm.validate()).as(vm.errors().toString()).isTrue();
    }

    @Test
    void commissioningWritesTheSiteFileCallsTheAdminHookAndEnds() throws Exception {
        CommissionViewModel vm = vm();
        fill(vm);
        LaneRowViewModel third = vm.addLane();
        third.cameraProperty().set("CAM-3");
        third.cardPortProperty().set("COM4");
        assertThat(vm.commission()).as(vm.errors().toString()).isTrue();
        assertThat(Files.readString(data.resolve("boothdesk.properties"))).contains("lanes=A1,B1,L3")
                .contains("lane.L3.card.port=COM4");
        assertThat(hookCalls).containsExactly(data);
        assertThat(vm.outcomeProperty().get()).isEqualTo(CommissionViewModel.Outcome.COMMISSIONED);
    }

    @Test
    void theTariffPickShowsASampleQuote() {
        CommissionViewModel vm = vm();
        String first = vm.sampleQuoteProperty().get();
        assertThat(first).contains("元").contains("2 小时30分");
        vm.tariffProperty().set("airport-escalating.json");
        assertThat(vm.sampleQuoteProperty().get()).contains("元").isNotEqualTo(first);
    }

    @Test
    void theCardTestChecksThePortFirstAndRunsInTheBackground() {
        CommissionViewModel vm = vm();
        LaneRowViewModel row = vm.lanes().get(0);
        row.cardPortProperty().set("LPT1");
        vm.testCard(row);
        assertThat(row.testResultProperty().get()).contains("LED card port").contains("LPT1");
        assertThat(queued).isEmpty();

        row.cardPortProperty().set("/dev/ttyUSB1");
        row.cardAddressProperty().set("3");
        vm.testCard(row);
        assertThat(row.testingProperty().get()).isTrue();
        assertThat(queued).hasSize(1);
        assertThat(probed).isEmpty(); // nothing blocking on the caller's thread
    }

    @Test
    void demoAndCancelEndTheFirstRun() {
        CommissionViewModel vm = vm();
        assertThat(vm.formShownProperty().get()).isFalse();
        vm.startCommissioning();
        assertThat(vm.formShownProperty().get()).isTrue();
        vm.chooseDemo();
        assertThat(vm.outcomeProperty().get()).isEqualTo(CommissionViewModel.Outcome.DEMO);
    }
}
