package com.boothdesk.app.ui.backoffice;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;

import com.boothdesk.app.store.history.JdbcReports;
import com.boothdesk.app.store.history.TableExport;
import com.boothdesk.app.ui.Messages;
import com.boothdesk.app.ui.backoffice.reports.ReportsViewModel;

/**
 * Issue 15, the reports: a 预付 (prepaid) row's 实收 is its prepaid money, not 0.00, so the income rows' 实收 add up
 * to the top line's 实收 (which counts the prepaid money); the exported table says how much of each row was prepaid.
 */
class ReportRowsAddUpTest {

    @Test
    void thePrepaidRowShowsItsMoneyAndTheRowsAddUpToTheTopLine() {
        LocalDate d = LocalDate.of(2026, 11, 25);
        ReportsViewModel vm = new ReportsViewModel(BackOfficeScreensViewModelTest.reports(List.of(
                new JdbcReports.IncomeRow(d, "CASH", "zhang", 2, 2000, 1500, 500, 0),
                new JdbcReports.IncomeRow(d, "PREPAID", "zhang", 3, 2100, 0, 2100, 0),
                new JdbcReports.IncomeRow(d, "RENEWAL", "li", 1, 30000, 30000, 0, 0))),
                new BackOfficeEnv(new Messages(Locale.SIMPLIFIED_CHINESE), BackOfficeScreensViewModelTest.ZONE,
                        Clock.fixed(BackOfficeScreensViewModelTest.NOW, BackOfficeScreensViewModelTest.ZONE),
                        Runnable::run, Runnable::run));
        vm.refresh();

        assertThat(vm.totals().get()).startsWith("应收 341.00 元  实收 341.00 元  出场 5 辆");
        var income = vm.tables().get(0);
        assertThat(income.header()).containsSubsequence("实收", "其中预付");
        assertThat(income.rows().get(1)).containsSubsequence("预付", new TableExport.Money(2100),
                new TableExport.Money(2100));
        long rows = income.rows().stream().mapToLong(r -> ((TableExport.Money) r.get(5)).fen()).sum();
        assertThat(rows).isEqualTo(34100).isEqualTo(JdbcReports.totals(vm.income()).takenFen());
    }
}
