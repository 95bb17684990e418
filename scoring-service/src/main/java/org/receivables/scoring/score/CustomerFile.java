package org.receivables.scoring.score;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.receivables.scoring.behaviour.CollectionFacts;
import org.receivables.scoring.behaviour.InvoiceHistory;
import org.receivables.scoring.external.ExternalScore;
import org.receivables.scoring.external.SectorRiskLevel;
import org.receivables.scoring.financials.Figures;
import org.receivables.scoring.hold.CreditHolds;
import org.receivables.scoring.ledger.CustomerRepository;

/**
 * Everything scoring knows about one customer that a score, a limit or a credit decision is
 * computed from, as of one date, read in one round trip by {@link CustomerFiles}.
 *
 * @param invoices oldest first, each with its settlements and cancellation
 * @param statement the latest statement whose fiscal year ended on or before the date, or null
 * @param rating the latest external rating dated on or before the date, or null
 * @param sector the risk level of the customer's segment in the tenant's table, or null
 * @param override the limit override in force, or null
 * @param hold the latest change of the customer's credit hold, or null when it never had one
 */
public record CustomerFile(
    CustomerRepository.Customer customer,
    List<InvoiceHistory> invoices,
    CollectionFacts collection,
    Figures statement,
    ExternalScore rating,
    SectorRiskLevel sector,
    BigDecimal override,
    CreditHolds.Change hold) {

  public CustomerFile {
    invoices = List.copyOf(invoices);
  }

  public Optional<CreditHolds.Change> currentHold() {
    return Optional.ofNullable(hold);
  }
}
