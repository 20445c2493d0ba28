package com.boothdesk.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The layering rules of docs/architecture.md, checked on every build. */
class ArchitectureTest {

    static JavaClasses classes;

    @BeforeAll
    static void load() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("com.boothdesk");
    }

    @Test
    void theDomainUsesNoUiNoDatabaseNoDevicesAndNoSdk() {
        noClasses().that().resideInAPackage("com.boothdesk.app.domain..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.h2..", "org.flywaydb..",
                        "com.fazecast..", "java.sql..", "com.boothdesk.devices..", "com.boothdesk.sdk..",
                        "com.boothdesk.app.store..", "com.boothdesk.app.ui..", "com.boothdesk.app.hardware..",
                        "com.boothdesk.app.cloud..")
                .check(classes);
    }

    @Test
    void theLibrariesKnowNothingOfTheApplicationOrJavaFx() {
        noClasses().that().resideInAnyPackage("com.boothdesk.devices..", "com.boothdesk.sdk..")
                .should().dependOnClassesThat().resideInAnyPackage("com.boothdesk.app..", "javafx..")
                .check(classes);
        noClasses().that().resideInAPackage("com.boothdesk.devices..")
                .should().dependOnClassesThat().resideInAPackage("com.boothdesk.sdk..").check(classes);
        noClasses().that().resideInAPackage("com.boothdesk.sdk..")
                .should().dependOnClassesThat().resideInAPackage("com.boothdesk.devices..").check(classes);
    }

    @Test
    void onlyUiThreadHopsOntoTheFxThread() {
        noClasses().that().doNotHaveFullyQualifiedName("com.boothdesk.app.ui.UiThread")
                .should().callMethod(javafx.application.Platform.class, "runLater", Runnable.class)
                .check(classes);
    }

    @Test
    void onlyTheUiPackageUsesJavaFx() {
        noClasses().that().resideOutsideOfPackage("com.boothdesk.app.ui..")
                .should().dependOnClassesThat().resideInAPackage("javafx..")
                .check(classes);
    }

    @Test
    void viewModelsKnowNoNodeAndThePortsAndTheKeymapKnowNoJavaFx() {
        noClasses().that().haveSimpleNameEndingWith("ViewModel")
                .should().dependOnClassesThat().resideInAnyPackage("javafx.scene..", "javafx.stage..")
                .because("a view-model holds properties and rules; layout belongs to its View")
                .check(classes);
        noClasses().that().resideInAnyPackage("com.boothdesk.app.ui.port..", "com.boothdesk.app.ui.keys..")
                .should().dependOnClassesThat().resideInAPackage("javafx..")
                .check(classes);
    }

    @Test
    void onlyTheLanePortAdapterKnowsTheLaneController() {
        noClasses().that().resideInAPackage("com.boothdesk.app.ui..")
                .and().doNotHaveFullyQualifiedName("com.boothdesk.app.ui.port.ControllerLanePort")
                .and().doNotHaveFullyQualifiedName("com.boothdesk.app.ui.port.UiPorts")
                .should().dependOnClassesThat()
                .haveFullyQualifiedName("com.boothdesk.app.domain.lane.LaneController")
                .check(classes);
    }
}
