package org.receivables.dunning.commitment;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.receivables.dunning.replica.InvoiceFacts;
import org.receivables.kit.problem.ProblemException;

/**
 * The queries promises and plans share: the same fields under the same names in two tables, so one
 * set of queries over {@link Commitment}. The invoice index answers "already covered?" without a
 * scan.
 *
 * @param <C> the kind of commitment
 * @param <S> its status, whose {@link #activeStatus()} is the one that pauses dunning
 */
public abstract class CommitmentRepository<C extends Commitment<S>, S extends Enum<S>>
    implements PanacheRepositoryBase<C, UUID> {

  /** The status of a commitment still in force. */
  protected abstract S activeStatus();

  public Optional<C> find(String tenantId, UUID id) {
    return find("tenantId = ?1 and id = ?2", tenantId, id).firstResultOptional();
  }

  /** Active ones, optionally of one customer, locked when they are about to be closed. */
  public List<C> active(String tenantId, String customerId, boolean forUpdate) {
    var query =
        customerId == null
            ? find("tenantId = ?1 and status = ?2", tenantId, activeStatus())
            : find(
                "tenantId = ?1 and status = ?2 and customerId = ?3",
                tenantId,
                activeStatus(),
                customerId);
    return forUpdate ? query.withLock(LockModeType.PESSIMISTIC_WRITE).list() : query.list();
  }

  public List<C> of(String tenantId, String customerId) {
    return customerId == null
        ? list("tenantId = ?1 order by createdAt, id", tenantId)
        : list("tenantId = ?1 and customerId = ?2 order by createdAt, id", tenantId, customerId);
  }

  public boolean activeCovers(String tenantId, String invoiceId) {
    return count(
            "tenantId = ?1 and status = ?2 and ?3 member of invoiceIds",
            tenantId,
            activeStatus(),
            invoiceId)
        > 0;
  }

  /**
   * Refuses (409) a new commitment over an invoice an active one of this kind already covers.
   *
   * @param kind what the active one is, for the message ("promise to pay")
   */
  public void refuseCovered(String tenantId, List<InvoiceFacts> invoices, String kind) {
    for (InvoiceFacts i : invoices) {
      if (activeCovers(tenantId, i.invoiceId())) {
        throw ProblemException.conflict(
            "Invoice " + i.number() + " is already under an active " + kind);
      }
    }
  }
}
