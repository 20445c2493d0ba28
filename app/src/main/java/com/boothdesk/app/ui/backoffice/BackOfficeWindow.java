package com.boothdesk.app.ui.backoffice;

import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.stage.Stage;
import javafx.stage.Window;

import com.boothdesk.app.common.Threads;
import com.boothdesk.app.ui.BoothFx;
import com.boothdesk.app.ui.UiThread;
import com.boothdesk.app.ui.backoffice.history.HistoryView;
import com.boothdesk.app.ui.backoffice.lists.ListsView;
import com.boothdesk.app.ui.backoffice.port.BackOfficePorts;
import com.boothdesk.app.ui.backoffice.reports.ReportsView;
import com.boothdesk.app.ui.backoffice.settings.SettingsView;

/**
 * The back office (后台管理) in its own window: history, lists, settings and reports as tabs, the user and the
 * language buttons in the header. A language switch rebuilds the tabs in the other language at once.
 */
public final class BackOfficeWindow {

    private final BackOfficeViewModel vm;
    private final BorderPane root = new BorderPane();
    private final TabPane tabs = new TabPane();
    private final ExecutorService worker;
    private Stage stage;

    public BackOfficeWindow(BackOfficePorts ports, com.boothdesk.app.ui.Messages msg) {
        this.worker = Executors.newFixedThreadPool(1, Threads.named("backoffice-worker"));
        this.vm = new BackOfficeViewModel(ports, new BackOfficeEnv(msg, ports.zone(), ports.clock(), UiThread::run,
                worker));
        root.setId("backoffice");
        tabs.setId("bo-tabs");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        vm.locale().addListener((o, a, b) -> build());
        build();
    }

    private void build() {
        var msg = vm.msg();
        int selected = Math.max(0, tabs.getSelectionModel().getSelectedIndex());
        tabs.getTabs().setAll(
                tab("bo-tab-history", msg.get("bo.tab.history"), new HistoryView(vm.history(), msg, worker)),
                tab("bo-tab-lists", msg.get("bo.tab.lists"), new ListsView(vm.lists(), msg)),
                tab("bo-tab-settings", msg.get("bo.tab.settings"), new SettingsView(vm.settings(), msg)),
                tab("bo-tab-reports", msg.get("bo.tab.reports"), new ReportsView(vm.reports(), msg)));
        tabs.getSelectionModel().select(selected);
        Label title = new Label(msg.get("bo.title"));
        title.setId("bo-title");
        title.setStyle("-fx-font-size: 1.3em; -fx-font-weight: bold;");
        Label who = new Label();
        who.setId("bo-who");
        who.textProperty().bind(vm.who());
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        Button zh = new Button("中文");
        zh.setId("bo-lang-zh");
        zh.setOnAction(e -> vm.settings().switchLanguage(java.util.Locale.SIMPLIFIED_CHINESE));
        Button en = new Button("English");
        en.setId("bo-lang-en");
        en.setOnAction(e -> vm.settings().switchLanguage(java.util.Locale.ENGLISH));
        HBox header = new HBox(10, title, who, gap, zh, en);
        header.setAlignment(Pos.CENTER_LEFT);
        header.setPadding(new Insets(6, 10, 6, 10));
        header.setStyle("-fx-background-color: #e8edf3;");
        root.setTop(header);
        root.setCenter(tabs);
        if (stage != null) {
            stage.setTitle(msg.get("bo.title"));
        }
    }

    private static Tab tab(String id, String title, javafx.scene.Node content) {
        Tab t = new Tab(title, content);
        t.setId(id);
        return t;
    }

    public BackOfficeViewModel viewModel() {
        return vm;
    }

    public Parent root() {
        return root;
    }

    /** Opens the window (owned by the booth window), or brings it to the front. */
    public Stage show(Window owner, double width, double height) {
        if (stage == null) {
            stage = new Stage();
            if (owner != null) {
                stage.initOwner(owner);
            }
            stage.setTitle(vm.msg().get("bo.title"));
            stage.setScene(new Scene(root, width, height));
            stage.setOnHidden(e -> { });
        }
        stage.show();
        stage.toFront();
        return stage;
    }

    /** For the documentation: a PNG of the window with the tab {@code index} selected. */
    public void screenshot(int index, Path file) {
        tabs.getSelectionModel().select(index);
        BoothFx.saveScreenshot(root, file);
    }

    public void select(int index) {
        tabs.getSelectionModel().select(index);
    }

    public void close() {
        if (stage != null) {
            stage.close();
        }
        worker.shutdownNow();
    }
}
