package org.receivables.kpi.projection;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
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
      p.dueTotal(invoice, DUE, DueTotalChange.joining(new BigDecimal("10"), new BigDecimal("10")));
      p.outstandingChange(invoice, DAY, new BigDecimal("10"));
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
  void customersChangesAreSummedPerSegmentAndThoseWithoutOneCountInNone() {
    PendingAggregates p = new PendingAggregates();
    UUID north1 = UUID.randomUUID();
    UUID north2 = UUID.randomUUID();
    UUID south = UUID.randomUUID();
    UUID none = UUID.randomUUID();
    for (UUID customer : List.of(north1, north2, south, none)) {
      InvoiceRef invoice = invoice(customer);
      p.dueTotal(invoice, DUE, DueTotalChange.joining(new BigDecimal("10"), new BigDecimal("4")));
      p.outstandingChange(invoice, DAY, new BigDecimal("10"));
      p.flow(invoice, DAY, FlowDelta.issued(new BigDecimal("10")));
    }
    p.issue(invoice(UUID.randomUUID()), "F-1", "e1");
    assertThat(p.customers()).hasSize(5);

    PendingAggregates.SegmentChanges bySegment =
        p.bySegment(
            Map.of(
                new PendingAggregates.CustomerKey("t", north1), "north",
                new PendingAggregates.CustomerKey("t", north2), "north",
                new PendingAggregates.CustomerKey("t", south), "south"));

    DueTotalChange northDue =
        bySegment.dueTotals().get(new PendingAggregates.SegmentDueKey("t", "EUR", "north", DUE));
    assertThat(northDue.balance()).isEqualByComparingTo("20");
    assertThat(northDue.openCount()).isEqualTo(2);
    assertThat(northDue.owedAtDue()).isEqualByComparingTo("8");
    assertThat(bySegment.dueTotals()).hasSize(2);
    assertThat(
            bySegment
                .outstandingChanges()
                .get(new PendingAggregates.SegmentDayKey("t", "EUR", "south", DAY)))
        .isEqualByComparingTo("10");
    assertThat(bySegment.outstandingChanges()).hasSize(2);
    FlowDelta northFlow =
        bySegment.flows().get(new PendingAggregates.SegmentDayKey("t", "EUR", "north", DAY));
    assertThat(northFlow.invoiced()).isEqualByComparingTo("20");
    assertThat(northFlow.invoicesIssued()).isEqualTo(2);
    assertThat(bySegment.flows()).hasSize(2);
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
