package org.receivables.kpi.summary;

import java.math.BigDecimal;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One customer's share of what is overdue. */
@Schema(name = "CustomerOverdue")
public record CustomerOverdue(
    UUID customerId,
    @Schema(
            nullable = true,
            description = "The customer's name; null until invoicing published it, or once erased")
        String name,
    @Schema(description = "The customer's open balance as of asOf") BigDecimal outstanding,
    @Schema(description = "The part of it past due") BigDecimal overdue,
    @Schema(nullable = true, description = "Days past due of the customer's oldest overdue invoice")
        Integer oldestDaysPastDue,
    @Schema(description = "The customer's overdue ÷ the tenant's overdue, percent")
        BigDecimal shareOfOverdue,
    @Schema(
            nullable = true,
            description =
                "Days of the tenant's average days delinquent due to this customer: its overdue ÷"
                    + " the tenant's net sales of the period × period days (these add up to"
                    + " averageDaysDelinquent); null when that is not computed")
        BigDecimal daysDelinquentContribution) {}
