package org.receivables.invoicing.cash;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;
import org.receivables.invoicing.cash.match.Matcher;

/**
 * Tuning of cash application (docs/cash-application.md): how sure the matcher must be before it
 * applies a transfer on its own, for all tenants and per tenant ({@code
 * invoicing.cash.tenant."acme".auto-apply-threshold=0.95}).
 */
@ConfigMapping(prefix = "invoicing.cash")
public interface CashConfig {

  /** Confidence at or above which a candidate is applied without a collector. */
  @WithDefault("0.9")
  double autoApplyThreshold();

  /** The best candidate must beat the next by this much, or the entry stays SUGGESTED. */
  @WithDefault("0.1")
  double ambiguityMargin();

  /** How much short of an invoice's amount a transfer may be and still count as paying it. */
  @WithDefault("2.00")
  BigDecimal feeTolerance();

  /** Most invoices one transfer is searched to pay together when nothing names them. */
  @WithDefault("4")
  int maxCombination();

  /** Per-tenant overrides. */
  Map<String, TenantSettings> tenant();

  /** One tenant's overrides. */
  interface TenantSettings {
    Optional<Double> autoApplyThreshold();

    Optional<BigDecimal> feeTolerance();
  }

  default Matcher.Settings settings(String tenantId) {
    Optional<TenantSettings> own = Optional.ofNullable(tenant().get(tenantId));
    return new Matcher.Settings(
        own.flatMap(TenantSettings::autoApplyThreshold).orElse(autoApplyThreshold()),
        ambiguityMargin(),
        own.flatMap(TenantSettings::feeTolerance).orElse(feeTolerance()),
        maxCombination());
  }
}
