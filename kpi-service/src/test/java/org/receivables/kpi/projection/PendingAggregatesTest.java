package org.receivables.kpi.projection;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A batch's movements become one row change per aggregate key, summed, whatever their number. */
class PendingAggregatesTest {

  private static final LocalDate DAY = LocalDate.of(2026, 6, 1);
  private static final LocalDate DUE = LocalDate.of(2026, 7, 1);

  @Test
  void movementsOfOneKeyAreSummedIntoOneRow() {
    PendingAggregates p = new PendingAggregates();
    UUID customer = UUID.randomUUID();
    for (int i = 0; i < 1000; i++) {
      InvoiceRef invoice = invoice(customer);
      p.dueTotal(
          "t", "EUR", DUE, DueTotalChange.joining(new BigDecimal("10"), new BigDecimal("10")));
      p.outstandingChange("t", "EUR", DAY, new BigDecimal("10"));
      p.flow(invoice, DAY, FlowDelta.issued(new BigDecimal("10")));
    }
    assertThat(p.dueTotals).hasSize(1);
    DueTotalChange due = p.dueTotals.values().iterator().next();
    assertThat(due.balance()).isEqualByComparingTo("10000");
    assertThat(due.openCount()).isEqualTo(1000);
    assertThat(due.owedAtDue()).isEqualByComparingTo("10000");
    assertThat(p.outstandingChanges.values())
        .singleElement()
        .satisfies(a -> assertThat(a).isEqualByComparingTo("10000"));
    assertThat(p.customerFlows).hasSize(1);
    FlowDelta flow = p.tenantFlows.values().iterator().next();
    assertThat(flow.invoiced()).isEqualByComparingTo("10000");
    assertThat(flow.invoicesIssued()).isEqualTo(1000);
  }

  @Test
  void customersAndDaysKeepTheirOwnRowsButShareTheTenantsDay() {
    PendingAggregates p = new PendingAggregates();
    p.flow(invoice(UUID.randomUUID()), DAY, FlowDelta.issued(BigDecimal.ONE));
    p.flow(invoice(UUID.randomUUID()), DAY, FlowDelta.issued(BigDecimal.ONE));
    p.flow(invoice(UUID.randomUUID()), DAY.plusDays(1), FlowDelta.credited(BigDecimal.ONE));
    assertThat(p.customerFlows).hasSize(3);
    assertThat(p.tenantFlows).hasSize(2);
  }

  @Test
  void snapshotsAreStaleFromTheEarliestDayOfTheBatch() {
    PendingAggregates p = new PendingAggregates();
    p.stale("t", "EUR", DAY.plusDays(5));
    p.stale("t", "EUR", DAY);
    p.stale("t", "EUR", DAY.plusDays(2));
    p.stale("t", null, DAY.plusDays(3));
    assertThat(p.staleFrom)
        .containsEntry(new PendingAggregates.SnapshotKey("t", "EUR"), DAY)
        .containsEntry(new PendingAggregates.SnapshotKey("t", null), DAY.plusDays(3));
    p.clear();
    assertThat(p.isEmpty()).isTrue();
  }

  private static InvoiceRef invoice(UUID customer) {
    return new InvoiceRef(
        UUID.randomUUID(), "t", customer, "EUR", DAY, DUE, new BigDecimal("10"), BigDecimal.ZERO);
  }
}
