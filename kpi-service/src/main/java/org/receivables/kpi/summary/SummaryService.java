package org.receivables.kpi.summary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import org.receivables.kit.money.Money;

/** Computes the summary from the projection: open balances as of a date, then aged. */
@ApplicationScoped
public class SummaryService {

  @Inject EntityManager em;

  public KpiSummary summary(String tenantId, LocalDate asOf, String currency) {
    @SuppressWarnings("unchecked")
    List<Object[]> open =
        em.createNativeQuery(
                "select i.due_date, sum(e.amount) from kpi_invoice i"
                    + " join kpi_ledger_entry e on e.invoice_id = i.invoice_id and e.entry_date <= :asOf"
                    + " where i.tenant_id = :tenant and i.currency = :currency and i.issue_date <= :asOf"
                    + " group by i.invoice_id, i.due_date having sum(e.amount) <> 0")
            .setParameter("tenant", tenantId)
            .setParameter("currency", currency)
            .setParameter("asOf", asOf)
            .getResultList();
    AgingReport report = new AgingReport(asOf, Money.zero(currency));
    for (Object[] row : open) {
      report.add(toLocalDate(row[0]), (BigDecimal) row[1]);
    }
    return new KpiSummary(
        asOf,
        currency,
        Money.round(report.outstanding(), currency),
        Money.round(report.overdue(), currency),
        open.size(),
        new KpiSummary.Aging(
            Money.round(report.bucket(AgingBucket.NOT_DUE), currency),
            Money.round(report.bucket(AgingBucket.DAYS_1_TO_30), currency),
            Money.round(report.bucket(AgingBucket.DAYS_31_TO_60), currency),
            Money.round(report.bucket(AgingBucket.DAYS_61_TO_90), currency),
            Money.round(report.bucket(AgingBucket.OVER_90), currency)));
  }

  private static LocalDate toLocalDate(Object value) {
    return value instanceof Date d ? d.toLocalDate() : (LocalDate) value;
  }
}
