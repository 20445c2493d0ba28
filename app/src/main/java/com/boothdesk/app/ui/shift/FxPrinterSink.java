package com.boothdesk.app.ui.shift;

import java.util.List;

import javafx.print.PageLayout;
import javafx.print.PrinterJob;
import javafx.scene.Node;
import javafx.scene.transform.Scale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The system's default printer through JavaFX printing; each page is scaled down to the printable area. */
public final class FxPrinterSink implements PrintSink {

    private static final Logger LOG = LoggerFactory.getLogger(FxPrinterSink.class);

    @Override
    public void print(String jobName, List<Node> pages) {
        PrinterJob job = PrinterJob.createPrinterJob();
        if (job == null) {
            throw new IllegalStateException("没有可用的打印机 / no printer is installed");
        }
        job.getJobSettings().setJobName(jobName);
        PageLayout layout = job.getJobSettings().getPageLayout();
        for (Node page : pages) {
            double w = page.getBoundsInParent().getWidth();
            double h = page.getBoundsInParent().getHeight();
            double s = Math.min(1, Math.min(layout.getPrintableWidth() / Math.max(1, w),
                    layout.getPrintableHeight() / Math.max(1, h)));
            Scale scale = new Scale(s, s);
            page.getTransforms().add(scale);
            boolean ok = job.printPage(page);
            page.getTransforms().remove(scale);
            if (!ok) {
                job.cancelJob();
                throw new IllegalStateException("打印失败 / printing failed: " + job.getJobStatus());
            }
        }
        job.endJob();
        LOG.info("Printed {} ({} page(s)) on {}", jobName, pages.size(), job.getPrinter().getName());
    }
}
