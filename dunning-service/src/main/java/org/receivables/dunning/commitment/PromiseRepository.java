package org.receivables.dunning.commitment;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Promises to pay of a tenant; the invoice index answers "already promised?" without a scan. */
@ApplicationScoped
public class PromiseRepository implements PanacheRepositoryBase<Promise, UUID> {

  public Optional<Promise> find(String tenantId, UUID id) {
    return find("tenantId = ?1 and id = ?2", tenantId, id).firstResultOptional();
  }

  /** Active promises, optionally of one customer, locked when they are about to be closed. */
  public List<Promise> active(String tenantId, String customerId, boolean forUpdate) {
    var query =
        customerId == null
            ? find("tenantId = ?1 and status = ?2", tenantId, PromiseStatus.ACTIVE)
            : find(
                "tenantId = ?1 and status = ?2 and customerId = ?3",
                tenantId,
                PromiseStatus.ACTIVE,
                customerId);
    return forUpdate ? query.withLock(LockModeType.PESSIMISTIC_WRITE).list() : query.list();
  }

  public List<Promise> of(String tenantId, String customerId) {
    return customerId == null
        ? list("tenantId = ?1 order by createdAt, id", tenantId)
        : list("tenantId = ?1 and customerId = ?2 order by createdAt, id", tenantId, customerId);
  }

  public boolean activeCovers(String tenantId, String invoiceId) {
    return count(
            "tenantId = ?1 and status = ?2 and ?3 member of invoiceIds",
            tenantId,
            PromiseStatus.ACTIVE,
            invoiceId)
        > 0;
  }
}
