package com.boothdesk.app.ui.backoffice.settings;

import java.util.Locale;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import com.boothdesk.app.ui.Messages;
import com.boothdesk.devices.templates.Outcome;

/** The settings screen's layout: tariff, templates, devices, rules and language, audit log (inner tabs). */
public final class SettingsView extends BorderPane {

    public SettingsView(SettingsViewModel vm, Messages msg) {
        setId("bo-settings");
        TabPane tabs = new TabPane();
        tabs.setId("bo-settings-tabs");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.getTabs().addAll(tab("bo-settings-tariff-tab", msg.get("bo.settings.tariff"), tariff(vm, msg)),
                tab("bo-settings-templates-tab", msg.get("bo.settings.templates"), templates(vm, msg)),
                tab("bo-settings-devices-tab", msg.get("bo.settings.devices"), devices(vm, msg)),
                tab("bo-settings-rules-tab", msg.get("bo.settings.rules"), rules(vm, msg)),
                tab("bo-settings-store-tab", msg.get("bo.settings.store"), store(vm, msg)),
                tab("bo-settings-audit-tab", msg.get("bo.settings.audit"), audit(vm)));
        Label status = new Label();
        status.setId("bo-settings-status");
        status.textProperty().bind(vm.status());
        status.setPadding(new Insets(4, 8, 6, 8));
        setCenter(tabs);
        setBottom(status);
        vm.start();
    }

    private static Tab tab(String id, String title, javafx.scene.Node content) {
        Tab t = new Tab(title, content);
        t.setId(id);
        return t;
    }

    private static javafx.scene.Node tariff(SettingsViewModel vm, Messages msg) {
        TextArea json = new TextArea();
        json.setId("bo-tariff-json");
        json.textProperty().bindBidirectional(vm.tariffJson());
        json.setStyle("-fx-font-family: monospace;");
        VBox.setVgrow(json, Priority.ALWAYS);
        TextField cls = field("bo-tariff-class", vm.vehicleClass(), 6);
        TextField in = field("bo-tariff-in", vm.stayIn(), 12);
        TextField out = field("bo-tariff-out", vm.stayOut(), 12);
        HBox stay = new HBox(6, new Label(msg.get("bo.settings.class")), cls, new Label(msg.get("bo.settings.stay_in")),
                in, new Label(msg.get("bo.settings.stay_out")), out);
        stay.setAlignment(Pos.CENTER_LEFT);
        Label quote = new Label();
        quote.setId("bo-tariff-quote");
        quote.setWrapText(true);
        quote.textProperty().bind(vm.quote());
        quote.setStyle("-fx-font-size: 1.2em; -fx-font-weight: bold;");
        Label error = new Label();
        error.setId("bo-tariff-error");
        error.setWrapText(true);
        error.textProperty().bind(vm.tariffError());
        error.setStyle("-fx-text-fill: #d33;");
        Button apply = new Button(msg.get("bo.settings.apply_tariff"));
        apply.setId("bo-tariff-apply");
        apply.disableProperty().bind(vm.tariffOk().not().or(vm.canChange().not()));
        apply.setOnAction(e -> vm.applyTariff());
        VBox box = new VBox(6, json, stay, quote, error, apply);
        box.setPadding(new Insets(8));
        return box;
    }

    private static javafx.scene.Node templates(SettingsViewModel vm, Messages msg) {
        ComboBox<Outcome> outcome = new ComboBox<>();
        outcome.setId("bo-template-outcome");
        outcome.getItems().setAll(Outcome.values());
        outcome.valueProperty().bindBidirectional(vm.outcome());
        outcome.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(Outcome o) {
                return o == null ? "" : msg.get("bo.template.outcome." + o.name());
            }

            @Override
            public Outcome fromString(String s) {
                return null;
            }
        });
        GridPane g = new GridPane();
        g.setHgap(6);
        g.setVgap(4);
        g.addRow(0, new Label(msg.get("bo.settings.outcome")), outcome);
        for (int i = 0; i < 4; i++) {
            g.addRow(i + 1, new Label(msg.get("bo.settings.line", i + 1)), field("bo-template-line" + (i + 1),
                    vm.line(i), 20));
        }
        g.addRow(5, new Label(msg.get("bo.settings.voice")), field("bo-template-voice", vm.voice(), 30));
        Label preview = new Label();
        preview.setId("bo-template-preview");
        preview.textProperty().bind(vm.preview());
        preview.setStyle("-fx-background-color: #111; -fx-text-fill: #f33; -fx-font-size: 1.3em; -fx-padding: 8;"
                + " -fx-font-family: monospace;");
        preview.setMinWidth(260);
        Label error = new Label();
        error.setId("bo-template-error");
        error.textProperty().bind(vm.templateError());
        error.setStyle("-fx-text-fill: #d33;");
        ComboBox<String> lane = new ComboBox<>(vm.laneIds());
        lane.setId("bo-template-lane");
        lane.valueProperty().bindBidirectional(vm.lane());
        Button save = new Button(msg.get("bo.settings.save_template"));
        save.setId("bo-template-save");
        save.disableProperty().bind(vm.canChange().not());
        save.setOnAction(e -> vm.saveTemplate());
        Button send = new Button(msg.get("bo.settings.send_to_card"));
        send.setId("bo-template-send");
        send.setOnAction(e -> vm.sendTemplate());
        Label answer = new Label();
        answer.setId("bo-card-answer");
        answer.textProperty().bind(vm.cardAnswer());
        HBox buttons = new HBox(6, save, lane, send, answer);
        buttons.setAlignment(Pos.CENTER_LEFT);
        HBox top = new HBox(16, g, new VBox(4, new Label(msg.get("bo.settings.preview")), preview));
        Label known = new Label(msg.get("bo.settings.placeholders"));
        known.setWrapText(true);
        VBox box = new VBox(8, top, known, error, buttons);
        box.setPadding(new Insets(8));
        return box;
    }

    private static javafx.scene.Node devices(SettingsViewModel vm, Messages msg) {
        ListView<String> list = new ListView<>(vm.devices());
        list.setId("bo-devices");
        VBox.setVgrow(list, Priority.ALWAYS);
        HBox tests = new HBox(6);
        Runnable fill = () -> {
            tests.getChildren().clear();
            for (String id : vm.laneIds()) {
                Button b = new Button(msg.get("bo.settings.test", id));
                b.setId("bo-test-" + id);
                b.setOnAction(e -> vm.testCard(id));
                tests.getChildren().add(b);
            }
        };
        vm.laneIds().addListener((javafx.collections.ListChangeListener<String>) c -> fill.run());
        fill.run();
        Label answer = new Label();
        answer.textProperty().bind(vm.cardAnswer());
        VBox box = new VBox(6, list, tests, answer);
        box.setPadding(new Insets(8));
        return box;
    }

    private static javafx.scene.Node rules(SettingsViewModel vm, Messages msg) {
        TextField match = field("bo-match-tolerance", vm.matchTolerance(), 3);
        Button apply = new Button(msg.get("bo.settings.apply"));
        apply.setId("bo-match-apply");
        apply.disableProperty().bind(vm.canChange().not());
        apply.setOnAction(e -> vm.applyMatchTolerance());
        ComboBox<Locale> lang = new ComboBox<>();
        lang.setId("bo-language");
        lang.getItems().setAll(Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH);
        lang.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(Locale l) {
                return l == null ? "" : "en".equals(l.getLanguage()) ? "English" : "中文（简体）";
            }

            @Override
            public Locale fromString(String s) {
                return null;
            }
        });
        lang.setValue("en".equals(vm.language().get().getLanguage()) ? Locale.ENGLISH : Locale.SIMPLIFIED_CHINESE);
        lang.setOnAction(e -> vm.switchLanguage(lang.getValue()));
        GridPane g = new GridPane();
        g.setHgap(8);
        g.setVgap(8);
        g.addRow(0, new Label(msg.get("bo.settings.match")), match, apply);
        g.addRow(1, new Label(msg.get("bo.settings.language")), lang);
        g.setPadding(new Insets(12));
        return new ScrollPane(g);
    }

    /** issue 16: this booth's id, where it keeps its records, the connection test, save for the next start. */
    private static javafx.scene.Node store(SettingsViewModel vm, Messages msg) {
        TextField booth = field("bo-store-booth-id", vm.boothId(), 12);
        Label boothHint = new Label(msg.get("bo.settings.store.booth_id_hint"));
        boothHint.setStyle("-fx-text-fill: #666;");
        javafx.scene.control.ToggleGroup kind = new javafx.scene.control.ToggleGroup();
        javafx.scene.control.RadioButton embedded = new javafx.scene.control.RadioButton(
                msg.get("bo.settings.store.embedded"));
        embedded.setId("bo-store-embedded");
        embedded.setToggleGroup(kind);
        javafx.scene.control.RadioButton site = new javafx.scene.control.RadioButton(msg.get("bo.settings.store.site"));
        site.setId("bo-store-site");
        site.setToggleGroup(kind);
        Runnable show = () -> kind.selectToggle(vm.siteDatabase().get() ? site : embedded);
        vm.siteDatabase().addListener((o, a, b) -> show.run());
        show.run();
        kind.selectedToggleProperty().addListener((o, a, b) -> {
            if (b != null) {
                vm.siteDatabase().set(b == site);
            }
        });
        TextField host = field("bo-store-host", vm.storeHost(), 18);
        TextField port = field("bo-store-port", vm.storePort(), 5);
        TextField database = field("bo-store-database", vm.storeDatabase(), 12);
        TextField user = field("bo-store-user", vm.storeUser(), 12);
        javafx.scene.control.PasswordField password = new javafx.scene.control.PasswordField();
        password.setId("bo-store-password");
        password.textProperty().bindBidirectional(vm.storePassword());
        password.setPrefColumnCount(12);
        Label stored = new Label();
        stored.setId("bo-store-password-stored");
        stored.textProperty().bind(javafx.beans.binding.Bindings.when(vm.passwordStored())
                .then(msg.get("bo.settings.store.password_stored")).otherwise(msg.get("bo.settings.store.password_none")));
        stored.setStyle("-fx-text-fill: #666;");
        for (javafx.scene.Node n : new javafx.scene.Node[] {host, port, database, user, password}) {
            n.disableProperty().bind(vm.siteDatabase().not());
        }
        GridPane server = new GridPane();
        server.setHgap(8);
        server.setVgap(6);
        server.setPadding(new Insets(0, 0, 0, 24));
        server.addRow(0, new Label(msg.get("bo.settings.store.host")), host, new Label(msg.get("bo.settings.store.port")),
                port);
        server.addRow(1, new Label(msg.get("bo.settings.store.database")), database);
        server.addRow(2, new Label(msg.get("bo.settings.store.user")), user);
        server.addRow(3, new Label(msg.get("bo.settings.store.password")), password, stored);
        GridPane.setColumnSpan(stored, 2);
        Label where = new Label(msg.get("bo.settings.store.password_where"));
        where.setWrapText(true);
        where.setStyle("-fx-text-fill: #666;");
        Button test = new Button(msg.get("bo.settings.store.test"));
        test.setId("bo-store-test");
        test.disableProperty().bind(vm.storeTesting().or(vm.storeOffered().not()));
        test.setOnAction(e -> vm.testStore());
        Button save = new Button(msg.get("bo.settings.store.save"));
        save.setId("bo-store-save");
        save.disableProperty().bind(vm.canChange().not().or(vm.storeOffered().not()));
        save.setOnAction(e -> vm.saveStore());
        Label result = new Label();
        result.setId("bo-store-result");
        result.setWrapText(true);
        result.textProperty().bind(vm.storeResult());
        result.styleProperty().bind(javafx.beans.binding.Bindings.when(vm.storeResultOk())
                .then("-fx-text-fill: #176b2c;").otherwise("-fx-text-fill: #b32020;"));
        Label saved = new Label();
        saved.setId("bo-store-status");
        saved.setWrapText(true);
        saved.textProperty().bind(vm.storeStatus());
        saved.setStyle("-fx-font-weight: bold;");
        GridPane top = new GridPane();
        top.setHgap(8);
        top.setVgap(6);
        top.addRow(0, new Label(msg.get("bo.settings.store.booth_id")), booth, boothHint);
        top.addRow(1, new Label(msg.get("bo.settings.store.kind")), embedded);
        top.add(site, 1, 2);
        GridPane.setColumnSpan(site, 2);
        GridPane.setColumnSpan(embedded, 2);
        HBox buttons = new HBox(8, test, save);
        buttons.setAlignment(Pos.CENTER_LEFT);
        VBox box = new VBox(10, top, server, where, buttons, result, saved);
        box.setPadding(new Insets(12));
        box.setFillWidth(true);
        ScrollPane scroll = new ScrollPane(box);
        scroll.setFitToWidth(true);
        return scroll;
    }

    private static javafx.scene.Node audit(SettingsViewModel vm) {
        ListView<String> list = new ListView<>(vm.audit());
        list.setId("bo-audit");
        return list;
    }

    private static TextField field(String id, javafx.beans.property.StringProperty p, int cols) {
        TextField t = new TextField();
        t.setId(id);
        t.textProperty().bindBidirectional(p);
        t.setPrefColumnCount(cols);
        return t;
    }
}
