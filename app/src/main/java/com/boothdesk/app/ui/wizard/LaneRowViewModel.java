package com.boothdesk.app.ui.wizard;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import com.boothdesk.app.config.SiteFile;

/** One lane of the commissioning form. */
public final class LaneRowViewModel {

    final StringProperty id = new SimpleStringProperty();
    final StringProperty name = new SimpleStringProperty();
    final StringProperty direction = new SimpleStringProperty("entry");
    final StringProperty camera = new SimpleStringProperty();
    final StringProperty cardPort = new SimpleStringProperty();
    final StringProperty cardAddress = new SimpleStringProperty("0");
    final StringProperty cardBaud = new SimpleStringProperty("9600");
    final StringProperty gate = new SimpleStringProperty("card");
    final ReadOnlyStringWrapper testResult = new ReadOnlyStringWrapper("");
    final BooleanProperty testing = new SimpleBooleanProperty();
    final BooleanProperty testPassed = new SimpleBooleanProperty();

    LaneRowViewModel(String id, String name, String direction) {
        this.id.set(id);
        this.name.set(name);
        this.direction.set(direction);
    }

    public StringProperty idProperty() {
        return id;
    }

    public StringProperty nameProperty() {
        return name;
    }

    public StringProperty directionProperty() {
        return direction;
    }

    public StringProperty cameraProperty() {
        return camera;
    }

    public StringProperty cardPortProperty() {
        return cardPort;
    }

    public StringProperty cardAddressProperty() {
        return cardAddress;
    }

    public StringProperty cardBaudProperty() {
        return cardBaud;
    }

    public StringProperty gateProperty() {
        return gate;
    }

    /** What the last card test showed (the card's ACK, or why not). */
    public ReadOnlyStringProperty testResultProperty() {
        return testResult.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty testingProperty() {
        return testing;
    }

    public ReadOnlyBooleanProperty testPassedProperty() {
        return testPassed;
    }

    java.util.List<StringProperty> fields() {
        return java.util.List.of(id, name, direction, camera, cardPort, cardAddress, cardBaud, gate);
    }

    SiteFile.LaneEntry entry() {
        return new SiteFile.LaneEntry(id.get(), name.get(), direction.get(), camera.get(), cardPort.get(),
                cardAddress.get(), cardBaud.get(), gate.get());
    }
}
