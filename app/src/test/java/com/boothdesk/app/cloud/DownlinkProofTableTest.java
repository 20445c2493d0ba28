package com.boothdesk.app.cloud;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;

/**
 * Issue 12's proof table: every downlink of section 3, 7.4 and 4.2 that the booth acts on or answers is sent by the
 * cloud simulator over the real TCP link to a running booth (RunningBooth) by the tests named here, which assert its
 * effect (H2, lane, gate, screen) and its answer. This test keeps the table true: each entry the coverage counts as
 * effect or answered only has a row, each row names test methods that exist, and the list downlinks' row is a case of
 * {@link EveryListDownlinkOverTcpTest}. 3.41 is not in the notes (nothing can recognise it); the answer to an unknown
 * name is proved instead.
 */
class DownlinkProofTableTest {

    static final String LANE = "com.boothdesk.app.cloud.LaneDownlinksTest#";
    static final String PARK = "com.boothdesk.app.cloud.ParkDownlinksTest#";
    static final String LISTS = "com.boothdesk.app.cloud.EveryListDownlinkOverTcpTest#"
            + "theDownlinkIsAnsweredOverTcpAndActsOnceInH2";
    static final String PAY = "com.boothdesk.app.payment.PaymentDownlinksThroughTheBoothTest#";
    static final String EXIT = "com.boothdesk.app.payment.ExitPaymentsThroughTheBoothTest#";
    static final String SCREEN = "com.boothdesk.app.cloud.SmartScreenDownlinksThroughTheBoothTest#";

    /** ToC entry to the tests that send it through TCP and assert its effect and its answer. */
    static final Map<String, List<String>> PROOF = table();

    private static Map<String, List<String>> table() {
        Map<String, List<String>> t = new LinkedHashMap<>();
        t.put("3.1", List.of(LANE + "thePriceOfAStayAndOfTheCarWaitingAtTheExitAreAnswered"));
        t.put("3.2", List.of(LANE + "aPrepaymentIsRecordedOnceAndLetsTheCarOutWithinTheGrace",
                LANE + "aPrepaymentForAnUnknownOrderIsRefused"));
        t.put("3.3", List.of(LANE + "aNoPlateCarScannedAtTheEntryIsLetIn"));
        t.put("3.4", List.of(EXIT + "theExitCodeIsShownAndTheDriverPaysAndTheGateOpensByItself",
                EXIT + "a34InProgressShowsPayingAndAFailureShowsFailed",
                EXIT + "a34WithoutItsKeyFieldsIsAnsweredState0NamingThem"));
        t.put("3.5", List.of(LISTS));
        t.put("3.6", List.of(LISTS));
        t.put("3.7", List.of(LISTS,
                "com.boothdesk.app.cloud.ListSyncThroughTheBoothTest#"
                        + "aMonthlyCardFromTheCloudLetsTheCarInAndOutWithoutPaying"));
        t.put("3.8", List.of(LISTS, "com.boothdesk.app.cloud.CollectorSyncThroughTheBoothTest#"
                + "theCloudsCollectorsAreTheBoothsAccountsAndNothingIsEchoedBack"));
        t.put("3.9", List.of(LISTS,
                "com.boothdesk.app.cloud.ListSyncThroughTheBoothTest#aCarLockedFromTheCloudCannotLeave"));
        t.put("3.10", List.of(PARK + "pricesComeFromThePackagesAndAnOnlineRenewalExtendsTheCardOnce"));
        t.put("3.11", List.of(PARK + "pricesComeFromThePackagesAndAnOnlineRenewalExtendsTheCardOnce"));
        t.put("3.12", List.of(LISTS, PARK + "couponsChosenByAMemberReduceTheNextPrice"));
        t.put("3.13", List.of(LISTS, "com.boothdesk.app.cloud.GateSyncThroughTheBoothTest#"
                + "theCloudsChannelsNameTheLanesByChannelIdAndKeepDoingSoAfterARestart"));
        t.put("3.14", List.of(LISTS,
                "com.boothdesk.app.cloud.ListSyncThroughTheBoothTest#aBlacklistedPlateIsRefusedAtTheNextRead"));
        t.put("3.15", List.of(LISTS, "com.boothdesk.app.cloud.FeeClassThroughTheBoothTest#"
                + "theCloudsCarTypeOfAMonthlyCardDecidesItsClassOverThePlateColour"));
        t.put("3.16", List.of(LISTS));
        t.put("3.17", List.of(PARK + "theCloudsManualMatchMakesTheStayTheCarToPayAndTheFuzzyExitGoesUpAs217"));
        t.put("3.18", List.of(LANE + "aRemoteLiftOpensTheGateAndIsRecorded"));
        t.put("3.19", List.of(LISTS));
        t.put("3.20", List.of(LISTS));
        t.put("3.21", List.of(LISTS));
        t.put("3.22", List.of(PARK + "validityPassThroughAndTheSpacesQueryWithoutAName"));
        t.put("3.23", List.of(PAY + "refund323IsRecordedOnceAgainstItsOrderAndAnswered"));
        t.put("3.24", List.of(PAY + "change324IsRecordedAndAnswered"));
        t.put("3.25", List.of(PAY + "platformPayment325AndChargingNotice336AreToldApartAndAnsweredWithTheirUuid",
                PAY + "aChargingDiscountAndAPlatformPaymentAreTakenOffTheFeeAndReleaseTheWaitingCar"));
        t.put("3.26", List.of(PARK + "validityPassThroughAndTheSpacesQueryWithoutAName"));
        t.put("3.27", List.of(LISTS));
        t.put("3.28", List.of(PAY + "manualSettlement328ClosesTheInLotOrderAsTheCloudSays"));
        t.put("3.29", List.of(PAY + "chaseResults329And337AreRecordedAgainstTheirOrders"));
        t.put("3.30", List.of(PARK + "couponsChosenByAMemberReduceTheNextPrice"));
        t.put("3.31", List.of(LANE + "aCaptureRequestUploadsTheLanePictureWithItsUuid"));
        t.put("3.32", List.of("com.boothdesk.app.ops.OpsOnTheRunningBoothTest#"
                + "cardClocksLogUploadAndClockDriftOnTheRunningBooth"));
        t.put("3.33", List.of(LISTS));
        t.put("3.34", List.of(PARK + "pricesComeFromThePackagesAndAnOnlineRenewalExtendsTheCardOnce"));
        t.put("3.35", List.of(PARK + "validityPassThroughAndTheSpacesQueryWithoutAName"));
        t.put("3.36", List.of(PAY + "platformPayment325AndChargingNotice336AreToldApartAndAnsweredWithTheirUuid",
                PAY + "aChargingDiscountAndAPlatformPaymentAreTakenOffTheFeeAndReleaseTheWaitingCar"));
        t.put("3.37", List.of(PAY + "chaseResults329And337AreRecordedAgainstTheirOrders"));
        t.put("3.38", List.of(PARK + "theCityPlatformAsksAboutMonthlyAndSpecialCarsThroughTheParkInfoEnvelope"));
        t.put("3.39", List.of(LANE + "theCloudCorrectsAPlateBackFillsAnEntryAndSetsTheSpaces"));
        t.put("3.40", List.of(PARK + "theCityPlatformAsksAboutMonthlyAndSpecialCarsThroughTheParkInfoEnvelope"));
        t.put("3.41", List.of(LANE + "missingFieldsAndUnknownDownlinksAreAnsweredStateZero"));
        t.put("3.42", List.of(LANE + "theCloudCorrectsAPlateBackFillsAnEntryAndSetsTheSpaces"));
        t.put("3.43", List.of(LANE + "theCloudCorrectsAPlateBackFillsAnEntryAndSetsTheSpaces",
                PARK + "aPlateCorrectedByTheCloudIsSentAgainWithForceUpdate"));
        t.put("3.44", List.of("com.boothdesk.app.payment.FixedChargeThroughTheBoothTest#"
                        + "theCarWithNoStayGetsItsOrderAtTheFixedPriceAndTheExitCodeTakesThatPrice",
                PAY + "fixedCharge344IsAnsweredWithItsUuidAndKept"));
        t.put("4.2", List.of(PAY + "updateBalance42IsKeptAndNotAnswered"));
        t.put("7.4", List.of(SCREEN + "aPayCodeReadByTheSmartScreenIsPaidWith22AndTheGateOpensOn34",
                SCREEN + "anOfflinePaidCodeOpensTheGateAndIsKeptOnceForReconciliation",
                SCREEN + "badCodesAreAnsweredState0NamingTheFieldAndPayNothing",
                PAY + "sweepcode74ForALaneThatIsNoExitOfThisBoothIsRefused"));
        return t;
    }

    static boolean isDownlinkOfTheProof(String toc) {
        return toc.startsWith("3.") || toc.equals("7.4") || toc.equals("4.2");
    }

    @Test
    void everyDownlinkOfSection3And74And42HasARow() {
        Set<String> entries = ProtocolCoverage.ofThisBooth().rows().stream()
                .map(r -> r.spec().toc()).filter(DownlinkProofTableTest::isDownlinkOfTheProof)
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(entries).hasSize(46);
        assertThat(new TreeSet<>(PROOF.keySet())).isEqualTo(entries);
    }

    @Test
    void noneOfThemIsRefusedAndOnly341IsNotInTheNotes() {
        Map<String, ProtocolCoverage.Handling> handling = ProtocolCoverage.ofThisBooth().rows().stream()
                .filter(r -> isDownlinkOfTheProof(r.spec().toc()))
                .collect(Collectors.toMap(r -> r.spec().toc(), ProtocolCoverage.Row::handling));
        assertThat(handling).doesNotContainValue(ProtocolCoverage.Handling.REFUSED);
        assertThat(handling.entrySet().stream().filter(e -> e.getValue() == ProtocolCoverage.Handling.NOT_IN_NOTES)
                .map(Map.Entry::getKey)).containsExactly("3.41");
    }

    @Test
    void everyNamedTestExistsAndRuns() throws Exception {
        for (Map.Entry<String, List<String>> e : PROOF.entrySet()) {
            for (String ref : e.getValue()) {
                String[] cm = ref.split("#");
                Class<?> c = Class.forName(cm[0]);
                Method m = Arrays.stream(c.getDeclaredMethods()).filter(x -> x.getName().equals(cm[1])).findFirst()
                        .orElseThrow(() -> new AssertionError(e.getKey() + ": no method " + ref));
                assertThat(m.isAnnotationPresent(Test.class) || m.isAnnotationPresent(ParameterizedTest.class))
                        .as("%s: %s is a test", e.getKey(), ref).isTrue();
            }
        }
    }

    @Test
    void theListRowsAreCasesOfTheParameterisedListTest() {
        Set<String> cases = EveryListDownlinkOverTcpTest.downlinks().map(EveryListDownlinkOverTcpTest.Case::toc)
                .collect(Collectors.toSet());
        Set<String> rows = PROOF.entrySet().stream().filter(e -> e.getValue().contains(LISTS)).map(Map.Entry::getKey)
                .collect(Collectors.toSet());
        assertThat(cases).isEqualTo(rows);
    }
}
