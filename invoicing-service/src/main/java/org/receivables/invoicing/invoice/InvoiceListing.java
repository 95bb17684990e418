package org.receivables.invoicing.invoice;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.receivables.kit.page.Cursor;
import org.receivables.kit.page.Page;

/**
 * The invoice list: reads only, apart from {@link InvoiceService}, which changes invoices. Keyset
 * pages by id, so a page never repeats or skips an invoice while others are being issued.
 */
@ApplicationScoped
public class InvoiceListing {

  /** The filters of the invoice list; null means "any". */
  public record Filter(
      UUID customerId,
      InvoiceStatus status,
      LocalDate overdueAsOf,
      LocalDate dueFrom,
      LocalDate dueTo,
      Boolean disputed) {}

  @Inject EntityManager em;

  public Page<Invoice> list(String tenantId, Filter filter, String cursor, Integer limit) {
    int size = Cursor.limit(limit);
    UUID after = Cursor.decodeId(cursor);
    StringBuilder where = new StringBuilder("tenantId = :tenant");
    Map<String, Object> params = new HashMap<>();
    params.put("tenant", tenantId);
    if (filter.customerId() != null) {
      where.append(" and customerId = :customer");
      params.put("customer", filter.customerId());
    }
    if (filter.status() != null) {
      where.append(" and status = :status");
      params.put("status", filter.status());
    }
    if (filter.overdueAsOf() != null) {
      where.append(" and status in (:open) and dueDate < :asOf");
      params.put("open", List.of(InvoiceStatus.OPEN, InvoiceStatus.PARTIALLY_PAID));
      params.put("asOf", filter.overdueAsOf());
    }
    if (filter.dueFrom() != null) {
      where.append(" and dueDate >= :dueFrom");
      params.put("dueFrom", filter.dueFrom());
    }
    if (filter.dueTo() != null) {
      where.append(" and dueDate <= :dueTo");
      params.put("dueTo", filter.dueTo());
    }
    if (filter.disputed() != null) {
      where.append(" and disputed = :disputed");
      params.put("disputed", filter.disputed());
    }
    if (after != null) {
      where.append(" and id > :after");
      params.put("after", after);
    }
    var query = em.createQuery("from Invoice where " + where + " order by id", Invoice.class);
    params.forEach(query::setParameter);
    return Page.of(query.setMaxResults(size + 1).getResultList(), size, i -> i.id.toString());
  }
}
