package com.boothdesk.app.ui.site;

import java.util.List;
import java.util.concurrent.ExecutorService;

import com.boothdesk.app.BoothApp;
import com.boothdesk.app.BoothContext;
import com.boothdesk.app.site.outage.OutageModule;
import com.boothdesk.app.ui.BoothWindow;
import com.boothdesk.app.ui.UiThread;

/**
 * Attaches the site database's state to the booth window's header (a line while the server is down, while the
 * journal is replayed, and while the site has replay conflicts) and opens the conflict list from a click on it.
 * Nothing for a single booth on its embedded file.
 */
public final class SiteScreens {

    private SiteScreens() {
    }

    /** The port over the running booth's outage mode. */
    public static SiteDatabasePort port(OutageModule m) {
        return new SiteDatabasePort() {
            @Override
            public State state() {
                return State.valueOf(m.state().name());
            }

            @Override
            public int waiting() {
                return m.waiting();
            }

            @Override
            public int conflictCount() {
                return m.conflictCount();
            }

            @Override
            public List<ConflictRow> conflicts(int limit) {
                return m.conflicts(limit).stream().map(c -> new ConflictRow(c.foundAt(), c.boothId(), c.kind(),
                        c.orderId(), c.plate(), c.at(), c.detail())).toList();
            }
        };
    }

    public static void attach(BoothWindow window, BoothContext ctx) {
        if (!(ctx instanceof BoothApp app) || app.outage() == null || !app.outage().active()) {
            return;
        }
        SiteDatabasePort port = port(app.outage());
        ConflictListView[] open = new ConflictListView[1];
        Runnable show = () -> {
            if (open[0] == null) {
                ExecutorService background = com.boothdesk.app.common.Threads.single("ui-site-conflicts");
                ConflictListViewModel vm = new ConflictListViewModel(port, ctx.messages(), ctx.clock().getZone(),
                        UiThread::run, background);
                var scene = window.root().getScene();
                java.net.URL css = BoothWindow.class.getResource(BoothWindow.CSS);
                open[0] = new ConflictListView(vm, ctx.messages(), css == null ? null : css.toExternalForm())
                        .ownedBy(scene == null ? null : scene.getWindow());
            }
            open[0].show();
        };
        window.viewModel().header().siteDatabase(port, show);
    }
}
