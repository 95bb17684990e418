package org.receivables.kpi.projection;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.util.List;
import java.util.UUID;
import org.hibernate.Session;
import org.receivables.kit.jdbc.JdbcBatch;
import org.receivables.kpi.projection.PendingInvoices.State;

/**
 * Writes what a batch's movements did to its invoices ({@link PendingInvoices}) in three statements
 * whatever their number: one JDBC batch of ledger entries, one of payments, and one update of every
 * moved invoice's balances from arrays (and one of the due dates the batch moved, when it did).
 * Before, each payment, credit note, cancellation or write-off cost an entry insert and a balance
 * update (a payment also its payment row).
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class MovementWriter {

  private static final String INSERT_ENTRIES =
      "insert into kpi_ledger_entry (tenant_id, invoice_id, entry_date, kind, amount, event_id)"
          + " values (?, ?, ?, ?, ?, ?)";

  private static final String INSERT_PAYMENTS =
      "insert into kpi_payment (tenant_id, invoice_id, payment_id, received_on, amount) values (?,"
          + " ?, ?, ?, ?) on conflict do nothing";

  /** The balances as the batch left them (absolute: the tenant's lock was held since the read). */
  private static final String UPDATE_INVOICES =
      "update kpi_invoice i set balance = t.balance, balance_at_due = t.at_due, closed_on ="
          + " t.closed_on from unnest(cast(? as uuid[]), cast(? as numeric[]), cast(? as"
          + " numeric[]), cast(? as date[])) as t(id, balance, at_due, closed_on) where"
          + " i.invoice_id = t.id";

  /** Due dates the batch moved, with the balance at the new due date its entries give. */
  private static final String UPDATE_DUE_DATES =
      "update kpi_invoice i set due_date = t.due, balance_at_due = t.at_due from unnest(cast(? as"
          + " uuid[]), cast(? as date[]), cast(? as numeric[])) as t(id, due, at_due) where"
          + " i.invoice_id = t.id";

  @Inject EntityManager em;

  /** Writes the pending movements; then none is left (the states stay). */
  void write(PendingInvoices pending) {
    if (!pending.hasWrites()) {
      return;
    }
    JdbcBatch.insert(
        em,
        INSERT_ENTRIES,
        pending.entries.stream()
            .map(
                e ->
                    new Object[] {
                      e.tenantId(), e.invoiceId(), e.date(), e.kind(), e.amount(), e.eventId()
                    })
            .toList());
    JdbcBatch.insert(
        em,
        INSERT_PAYMENTS,
        pending.payments.values().stream()
            .map(
                p ->
                    new Object[] {
                      p.tenantId(), p.invoiceId(), p.paymentId(), p.receivedOn(), p.amount()
                    })
            .toList());
    updateInvoices(pending.movedStates());
    updateDueDates(pending.dueMovedStates());
    pending.written();
  }

  private void updateDueDates(List<State> states) {
    if (states.isEmpty()) {
      return;
    }
    int n = states.size();
    UUID[] ids = new UUID[n];
    String[] due = new String[n];
    BigDecimal[] atDue = new BigDecimal[n];
    for (int i = 0; i < n; i++) {
      State s = states.get(i);
      ids[i] = s.invoice.invoiceId();
      due[i] = s.invoice.dueDate().toString();
      atDue[i] = s.atDue;
    }
    em.flush();
    em.unwrap(Session.class)
        .doWork(
            c -> {
              try (PreparedStatement ps = c.prepareStatement(UPDATE_DUE_DATES)) {
                ps.setArray(1, c.createArrayOf("uuid", ids));
                ps.setArray(2, c.createArrayOf("text", due));
                ps.setArray(3, c.createArrayOf("numeric", atDue));
                ps.executeUpdate();
              }
            });
  }

  private void updateInvoices(List<State> states) {
    if (states.isEmpty()) {
      return;
    }
    int n = states.size();
    UUID[] ids = new UUID[n];
    BigDecimal[] balances = new BigDecimal[n];
    BigDecimal[] atDue = new BigDecimal[n];
    String[] closedOn = new String[n];
    for (int i = 0; i < n; i++) {
      State s = states.get(i);
      ids[i] = s.invoice.invoiceId();
      balances[i] = s.balance;
      atDue[i] = s.atDue;
      closedOn[i] = s.closedOn == null ? null : s.closedOn.toString();
    }
    em.flush();
    em.unwrap(Session.class)
        .doWork(
            c -> {
              try (PreparedStatement ps = c.prepareStatement(UPDATE_INVOICES)) {
                ps.setArray(1, c.createArrayOf("uuid", ids));
                ps.setArray(2, c.createArrayOf("numeric", balances));
                ps.setArray(3, c.createArrayOf("numeric", atDue));
                ps.setArray(4, c.createArrayOf("text", closedOn));
                ps.executeUpdate();
              }
            });
  }
}
