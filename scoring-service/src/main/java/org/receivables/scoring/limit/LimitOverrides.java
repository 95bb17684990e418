package org.receivables.scoring.limit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Credit managers' overrides of the recommended limit ({@link LimitOverride} rows): the latest is
 * in force until it is cleared, whatever the score does.
 */
@ApplicationScoped
public class LimitOverrides {

  @Inject Clock clock;

  /** One override, or the clearing of one ({@code creditLimit} null). */
  public record Override(
      @Schema(
              nullable = true,
              description = "The limit set; null where this row cleared the override")
          BigDecimal creditLimit,
      String currency,
      String reason,
      String setBy,
      Instant setAt) {}

  public Optional<BigDecimal> inForce(String tenant, String customer) {
    return history(tenant, customer, 1).stream().findFirst().map(Override::creditLimit);
  }

  /** Newest first. */
  public List<Override> history(String tenant, String customer, int limit) {
    return LimitOverride.<LimitOverride>find(
            "tenantId = ?1 and customerId = ?2 order by id desc", tenant, customer)
        .page(0, limit)
        .list()
        .stream()
        .map(o -> new Override(o.creditLimit, o.currency, o.reason, o.setBy, o.setAt))
        .toList();
  }

  @Transactional(Transactional.TxType.MANDATORY)
  public void record(
      String tenant, String customer, BigDecimal limit, String currency, String reason, String by) {
    LimitOverride o = new LimitOverride();
    o.tenantId = tenant;
    o.customerId = customer;
    o.creditLimit = limit;
    o.currency = currency;
    o.reason = reason;
    o.setBy = by;
    o.setAt = Instant.now(clock);
    o.persist();
  }
}
