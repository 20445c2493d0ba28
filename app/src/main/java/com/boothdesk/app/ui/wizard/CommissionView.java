package com.boothdesk.app.ui.wizard;

import javafx.beans.binding.Bindings;
import javafx.beans.property.StringProperty;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

import com.boothdesk.app.ui.Messages;

/**
 * The first-run screen and the commissioning form: layout and bindings only; every rule is in
 * {@link CommissionViewModel}. Node ids (for tests and the site's own scripts): fields by name ({@code #parkId}),
 * lane fields {@code #lane-<n>-<field>}, problems {@code #error-<key with . as _>}.
 */
public final class CommissionView {

    private final CommissionViewModel vm;
    private final Messages messages;
    private final VBox laneBox = new VBox(8);

    public CommissionView(CommissionViewModel vm, Messages messages) {
        this.vm = vm;
        this.messages = messages;
    }

    private String t(String key) {
        return messages.get("ops.wizard." + key);
    }

    public Parent root() {
        Label title = new Label(t("title"));
        title.setStyle("-fx-font-size: 20px; -fx-font-weight: bold;");
        Label intro = new Label(t("intro"));
        Button demo = button("demo", t("demo"));
        demo.setOnAction(e -> vm.chooseDemo());
        Button commission = button("startCommissioning", t("commission"));
        commission.setOnAction(e -> vm.startCommissioning());
        HBox choice = new HBox(12, demo, commission);

        VBox form = new VBox(14, section(t("section.cloud"), cloudGrid()), section(t("section.lanes"), lanesPane()),
                section(t("section.cameras"), cameraGrid()), section(t("section.tariff"), tariffPane()),
                section(t("section.database"), databasePane()), actions());
        form.visibleProperty().bind(vm.formShownProperty());
        form.managedProperty().bind(vm.formShownProperty());
        choice.visibleProperty().bind(vm.formShownProperty().not());
        choice.managedProperty().bind(vm.formShownProperty().not());

        Label status = new Label();
        status.setId("status");
        status.setWrapText(true);
        status.textProperty().bind(vm.statusProperty());

        VBox content = new VBox(14, title, intro, choice, form, status);
        content.setPadding(new Insets(20));
        ScrollPane scroll = new ScrollPane(content);
        scroll.setFitToWidth(true);
        scroll.setId("commissionForm");
        return scroll;
    }

    private GridPane cloudGrid() {
        GridPane g = grid();
        row(g, 0, t("park_id"), field("parkId", vm.parkIdProperty()), "cloud.park_id");
        row(g, 1, t("union_id"), field("unionId", vm.unionIdProperty()), "cloud.union_id");
        PasswordField secret = new PasswordField();
        secret.setId("secret");
        secret.textProperty().bindBidirectional(vm.secretProperty());
        row(g, 2, t("secret"), secret, "cloud.secret");
        ComboBox<String> mode = new ComboBox<>();
        mode.setId("cloudMode");
        mode.getItems().addAll("tcp", "vendor_sdk", "simulator", "off");
        mode.valueProperty().bindBidirectional(vm.cloudModeProperty());
        row(g, 3, t("mode"), mode, "cloud.mode");
        row(g, 4, t("host"), field("cloudHost", vm.cloudHostProperty()), "cloud.host");
        row(g, 5, t("port"), field("cloudPort", vm.cloudPortProperty()), "cloud.port");
        return g;
    }

    private GridPane cameraGrid() {
        GridPane g = grid();
        row(g, 0, t("camera_port"), field("cameraPort", vm.cameraPortProperty()), "camera.http.port");
        TextField allowed = field("cameraAllowed", vm.cameraAllowedProperty());
        allowed.setPromptText("192.168.1.64, 192.168.1.65");
        row(g, 1, t("allowed"), allowed, "camera.allowed");
        return g;
    }

    /** This booth's id and where it keeps its records: its own file, or the site's PostgreSQL database. */
    private VBox databasePane() {
        GridPane g = grid();
        row(g, 0, t("booth_id"), field("boothId", vm.boothIdProperty()), "booth.id");
        javafx.scene.control.CheckBox shared = new javafx.scene.control.CheckBox(t("db.shared"));
        shared.setId("siteDatabase");
        shared.selectedProperty().bindBidirectional(vm.siteDatabaseProperty());
        GridPane pg = grid();
        row(pg, 0, t("db.url"), field("storeUrl", vm.storeUrlProperty()), "store.url");
        row(pg, 1, t("db.user"), field("storeUser", vm.storeUserProperty()), "store.user");
        PasswordField password = new PasswordField();
        password.setId("storePassword");
        password.textProperty().bindBidirectional(vm.storePasswordProperty());
        row(pg, 2, t("db.password"), password, "store.password");
        Button test = button("testDatabase", t("db.test"));
        test.disableProperty().bind(vm.databaseTestingProperty());
        test.setOnAction(e -> vm.testDatabase());
        Label result = new Label();
        result.setId("databaseTestResult");
        result.setWrapText(true);
        result.textProperty().bind(vm.databaseTestResultProperty());
        result.styleProperty().bind(Bindings.when(vm.databaseTestPassedProperty()).then("-fx-text-fill: #2e7d32;")
                .otherwise("-fx-text-fill: #c62828;"));
        VBox site = new VBox(6, pg, new HBox(12, test), result);
        site.visibleProperty().bind(vm.siteDatabaseProperty());
        site.managedProperty().bind(vm.siteDatabaseProperty());
        return new VBox(6, g, shared, site);
    }

    private VBox tariffPane() {
        ComboBox<String> tariff = new ComboBox<>(vm.tariffs());
        tariff.setId("tariff");
        tariff.valueProperty().bindBidirectional(vm.tariffProperty());
        Label quote = new Label();
        quote.setId("sampleQuote");
        quote.setWrapText(true);
        quote.textProperty().bind(vm.sampleQuoteProperty());
        return new VBox(6, tariff, quote, error("fee.tariff"));
    }

    private VBox lanesPane() {
        Button add = button("addLane", t("row.add"));
        add.setOnAction(e -> vm.addLane());
        vm.lanes().addListener((ListChangeListener<LaneRowViewModel>) c -> rebuildLanes());
        rebuildLanes();
        return new VBox(8, laneBox, add, error("lanes"));
    }

    private void rebuildLanes() {
        laneBox.getChildren().clear();
        int n = 0;
        for (LaneRowViewModel row : vm.lanes()) {
            laneBox.getChildren().add(laneRow(n++, row));
        }
    }

    private VBox laneRow(int n, LaneRowViewModel row) {
        String p = "lane-" + n + "-";
        TextField id = field(p + "id", row.idProperty());
        id.setPrefColumnCount(4);
        TextField name = field(p + "name", row.nameProperty());
        name.setPrefColumnCount(6);
        ComboBox<String> direction = combo(p + "direction", row.directionProperty(), "entry", "exit");
        TextField camera = field(p + "camera", row.cameraProperty());
        camera.setPromptText(t("row.camera_prompt"));
        TextField port = field(p + "cardPort", row.cardPortProperty());
        port.setPromptText("COM3 /dev/ttyUSB0");
        TextField address = field(p + "cardAddress", row.cardAddressProperty());
        address.setPrefColumnCount(3);
        TextField baud = field(p + "cardBaud", row.cardBaudProperty());
        baud.setPrefColumnCount(6);
        ComboBox<String> gate = combo(p + "gate", row.gateProperty(), "card", "camera");
        Button test = button(p + "test", t("row.test"));
        test.disableProperty().bind(row.testingProperty());
        test.setOnAction(e -> vm.testCard(row));
        Button remove = button(p + "remove", t("row.remove"));
        remove.setOnAction(e -> vm.removeLane(row));
        Label result = new Label();
        result.setId(p + "testResult");
        result.textProperty().bind(row.testResultProperty());
        result.styleProperty().bind(Bindings.when(row.testPassedProperty()).then("-fx-text-fill: #2e7d32;")
                .otherwise("-fx-text-fill: #c62828;"));
        FlowPane fields = new FlowPane(8, 6, labelled(t("row.id"), id), labelled(t("row.name"), name),
                labelled(t("row.direction"), direction), labelled(t("row.camera"), camera),
                labelled(t("row.card_port"), port), labelled(t("row.address"), address), labelled(t("row.baud"), baud),
                labelled(t("row.gate"), gate), test, remove);
        VBox box = new VBox(4, fields, result);
        for (String key : new String[] {"name", "direction", "camera", "card.port", "card.address", "card.baud",
                "gate"}) {
            Label err = new Label();
            err.setStyle("-fx-text-fill: #c62828;");
            err.textProperty().bind(Bindings.createStringBinding(
                    () -> vm.errors().getOrDefault("row." + row.idProperty().get() + "." + key, ""), vm.errors(),
                    row.idProperty()));
            err.visibleProperty().bind(err.textProperty().isNotEmpty());
            err.managedProperty().bind(err.visibleProperty());
            err.setId(p + "error-" + key.replace('.', '_'));
            box.getChildren().add(err);
        }
        box.setStyle("-fx-border-color: #b0bec5; -fx-border-radius: 4; -fx-padding: 8;");
        return box;
    }

    private HBox actions() {
        Button commission = button("commission", t("write"));
        commission.setDefaultButton(true);
        commission.setOnAction(e -> vm.commission());
        Button cancel = button("cancel", t("cancel"));
        cancel.setOnAction(e -> vm.cancel());
        return new HBox(12, commission, cancel);
    }

    // ---- layout helpers ----------------------------------------------------------------------------------

    private VBox section(String title, javafx.scene.Node body) {
        Label t = new Label(title);
        t.setStyle("-fx-font-size: 15px; -fx-font-weight: bold;");
        return new VBox(6, t, body);
    }

    private static GridPane grid() {
        GridPane g = new GridPane();
        g.setHgap(10);
        g.setVgap(4);
        return g;
    }

    private void row(GridPane g, int r, String label, javafx.scene.Node input, String key) {
        g.add(new Label(label), 0, r * 2);
        g.add(input, 1, r * 2);
        g.add(error(key), 1, r * 2 + 1);
    }

    private Label error(String key) {
        Label err = new Label();
        err.setId("error-" + key.replace('.', '_'));
        err.setStyle("-fx-text-fill: #c62828;");
        err.textProperty().bind(Bindings.createStringBinding(() -> vm.errors().getOrDefault(key, ""), vm.errors()));
        err.visibleProperty().bind(err.textProperty().isNotEmpty());
        err.managedProperty().bind(err.visibleProperty());
        return err;
    }

    private static TextField field(String id, StringProperty p) {
        TextField f = new TextField();
        f.setId(id);
        f.textProperty().bindBidirectional(p);
        return f;
    }

    private static ComboBox<String> combo(String id, StringProperty p, String... items) {
        ComboBox<String> c = new ComboBox<>();
        c.setId(id);
        c.getItems().addAll(items);
        c.valueProperty().bindBidirectional(p);
        return c;
    }

    private static Button button(String id, String text) {
        Button b = new Button(text);
        b.setId(id);
        return b;
    }

    private VBox labelled(String label, TextInputControl input) {
        return new VBox(2, new Label(label), input);
    }

    private VBox labelled(String label, ComboBox<String> input) {
        return new VBox(2, new Label(label), input);
    }
}
