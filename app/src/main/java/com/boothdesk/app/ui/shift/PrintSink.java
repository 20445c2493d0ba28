package com.boothdesk.app.ui.shift;

import java.util.List;

import javafx.scene.Node;

/**
 * Where printed pages go: the system printer ({@link FxPrinterSink}, JavaFX printing) or, on a machine without a
 * printer and in tests, PNG images ({@link ImageSink}). Called on the FX thread.
 */
public interface PrintSink {

    /**
     * Prints the pages as one job.
     *
     * @throws IllegalStateException when there is no printer or the job failed (the message says which)
     */
    void print(String jobName, List<Node> pages);
}
