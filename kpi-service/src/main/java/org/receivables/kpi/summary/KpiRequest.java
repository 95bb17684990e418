package org.receivables.kpi.summary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.receivables.kit.money.Money;
import org.receivables.kit.problem.ProblemException;
import org.receivables.kit.request.QueryParams;
import org.receivables.kit.tenant.TenantContext;
import org.receivables.kit.time.BusinessCalendar;
import org.receivables.kpi.config.KpiConfig;

/**
 * Turns the query parameters every KPI endpoint shares (asOf, from, currency, customerId, segment)
 * into a {@link Scope} and a period, with a 400 naming the parameter when one is wrong. The tenant
 * comes from the token only.
 */
@RequestScoped
public class KpiRequest {

  /** The longest period a request may ask for. */
  static final int MAX_PERIOD_DAYS = 3660;

  @Inject TenantContext tenant;
  @Inject BusinessCalendar calendar;
  @Inject KpiConfig config;

  public LocalDate asOf(String asOf) {
    return calendar.asOfOrToday(QueryParams.date("asOf", asOf));
  }

  public LocalDate today() {
    return calendar.today();
  }

  /** The period start: {@code from}, or the default period ending on {@code asOf}. */
  public LocalDate from(String from, LocalDate asOf) {
    LocalDate start = QueryParams.date("from", from);
    if (start == null) {
      return asOf.minusDays(config.defaultPeriodDays() - 1L);
    }
    if (start.isAfter(asOf)) {
      throw ProblemException.invalid("from", "must be on or before asOf (" + asOf + ")");
    }
    if (ChronoUnit.DAYS.between(start, asOf) >= MAX_PERIOD_DAYS) {
      throw ProblemException.invalid(
          "from", "the period may span at most " + MAX_PERIOD_DAYS + " days");
    }
    return start;
  }

  public String currency(String currency) {
    String cur = currency == null || currency.isBlank() ? config.defaultCurrency() : currency;
    if (Money.currency(cur).isEmpty()) {
      throw ProblemException.invalid("currency", "is not an ISO 4217 currency such as EUR");
    }
    return cur;
  }

  public Scope scope(String currency, String customerId, String segment) {
    UUID customer = QueryParams.uuid("customerId", customerId);
    String seg = segment == null || segment.isBlank() ? null : segment;
    if (customer != null && seg != null) {
      throw ProblemException.invalid("segment", "give either customerId or segment, not both");
    }
    return new Scope(tenant.tenantId(), currency(currency), customer, seg);
  }

  /** An integer parameter in [min, max], {@code fallback} when absent. */
  public static int integer(String name, String value, int fallback, int min, int max) {
    if (value == null || value.isBlank()) {
      return fallback;
    }
    try {
      int n = Integer.parseInt(value.trim());
      if (n >= min && n <= max) {
        return n;
      }
    } catch (NumberFormatException e) {
      // answered below
    }
    throw ProblemException.invalid(name, "must be a whole number between " + min + " and " + max);
  }

  public String tenantId() {
    return tenant.tenantId();
  }
}
