package org.receivables.invoicing.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.receivables.kit.jdbc.JdbcBatch;
import org.receivables.kit.jdbc.NamedRows;
import org.receivables.kit.page.Cursor;
import org.receivables.kit.page.Page;
import org.receivables.kit.problem.ProblemException;
import org.receivables.kit.tenant.TenantContext;

/**
 * Who did what to an invoice, and when. Written in the same transaction as the change, so the trail
 * never claims a change that was rolled back nor misses one that committed.
 */
@ApplicationScoped
public class AuditTrail {

  /** An audited change, as the batch writer takes it. */
  public record Change(String tenantId, UUID invoiceId, String action, String detail) {}

  @Inject EntityManager em;
  @Inject TenantContext tenant;
  @Inject Clock clock;

  @Transactional(Transactional.TxType.MANDATORY)
  public void record(String tenantId, UUID invoiceId, String action, String detail) {
    recordAll(List.of(new Change(tenantId, invoiceId, action, detail)));
  }

  /** Entries in one JDBC batch (a bulk import writes a thousand at once). */
  @Transactional(Transactional.TxType.MANDATORY)
  public void recordAll(List<Change> changes) {
    Instant at = Instant.now(clock);
    String who = principal();
    List<Object[]> rows = new ArrayList<>(changes.size());
    for (Change c : changes) {
      rows.add(new Object[] {c.tenantId(), c.invoiceId(), at, who, c.action(), c.detail()});
    }
    JdbcBatch.insert(
        em,
        "insert into invoice_audit (tenant_id, invoice_id, at, principal, action, detail)"
            + " values (?, ?, ?, ?, ?, ?)",
        rows);
  }

  /** The trail of one invoice, oldest first. */
  public Page<AuditEntry> list(String tenantId, UUID invoiceId, String cursor, Integer limit) {
    int size = Cursor.limit(limit);
    String after = Cursor.decode(cursor);
    long afterId;
    try {
      afterId = after == null ? 0 : Long.parseLong(after);
    } catch (NumberFormatException e) {
      throw ProblemException.invalid("cursor", "is not a cursor returned by this API");
    }
    List<AuditEntry> entries =
        NamedRows.list(
            em.createNativeQuery(
                    "select id as sequence, at, principal, action, detail from invoice_audit"
                        + " where tenant_id = :t and invoice_id = :i and id > :after order by id"
                        + " limit :n",
                    Tuple.class)
                .setParameter("t", tenantId)
                .setParameter("i", invoiceId)
                .setParameter("after", afterId)
                .setParameter("n", size + 1),
            AuditEntry.class);
    return Page.of(entries, size, e -> Long.toString(e.sequence()));
  }

  private String principal() {
    String who = tenant.principal();
    return who == null || who.isBlank() ? "unknown" : who;
  }
}
