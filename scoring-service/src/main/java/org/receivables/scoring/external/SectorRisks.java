package org.receivables.scoring.external;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import org.receivables.scoring.ledger.CustomerFactsChanged;
import org.receivables.scoring.ledger.CustomerRepository;

/**
 * The tenant's sector risk table. A change moves the score of every customer in the sector, so each
 * of them is rescored in the same transaction (through {@link CustomerFactsChanged}).
 */
@ApplicationScoped
public class SectorRisks {

  @Inject ExternalInputRepository inputs;
  @Inject CustomerRepository ledger;
  @Inject Event<CustomerFactsChanged> factsChanged;

  @Transactional
  public SectorRisk set(
      String tenant, String sector, SectorRiskLevel level, String note, String by) {
    SectorRisk row = inputs.setSector(tenant, sector, level, note, by);
    for (String customer : ledger.customersInSegment(tenant, sector)) {
      factsChanged.fire(new CustomerFactsChanged(tenant, customer, "sector-risk"));
    }
    return row;
  }

  public List<SectorRisk> list(String tenant, String after, int limit) {
    return inputs.sectors(tenant, after, limit);
  }
}
