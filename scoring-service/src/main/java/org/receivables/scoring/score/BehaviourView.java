package org.receivables.scoring.score;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.receivables.kit.money.Money;
import org.receivables.scoring.behaviour.PaymentBehaviour;

/** The payment behaviour figures behind a score. */
@Schema(name = "PaymentBehaviour")
public record BehaviourView(
    String customerId,
    LocalDate asOf,
    String currency,
    @Schema(description = "Invoices that have fallen due so far (depth of history)")
        int invoicesFallenDue,
    @Schema(description = "Invoices that fell due in the last 12 months") int invoicesDue12Months,
    @Schema(description = "Amount-weighted average days late, last 12 months", example = "12.5")
        BigDecimal averageDaysLate,
    @Schema(description = "Average days late of invoices due in the last 3 months")
        BigDecimal recentDaysLate,
    @Schema(description = "Average days late of invoices due in the 9 months before")
        BigDecimal earlierDaysLate,
    @Schema(
            description =
                "Share of invoices due in 12 months paid (or open) more than 15 days late")
        BigDecimal lateShare,
    BigDecimal overdue,
    long oldestOverdueDays,
    @Schema(description = "Everything still owed") BigDecimal exposure,
    BigDecimal billed12Months,
    BigDecimal writtenOff12Months,
    int disputes12Months,
    int openDisputes,
    int brokenPromises12Months,
    int brokenPlans12Months,
    int escalations12Months,
    @Schema(
            nullable = true,
            description = "The first invoice's issue date; null before the first invoice")
        LocalDate firstInvoiceDate,
    long relationshipMonths) {

  static BehaviourView of(String customerId, String currency, PaymentBehaviour b) {
    return new BehaviourView(
        customerId,
        b.asOf(),
        currency,
        b.invoicesFallenDue(),
        b.invoicesDue(),
        b.averageDaysLate(),
        b.recentDaysLate(),
        b.earlierDaysLate(),
        b.lateShare(),
        Money.round(b.overdue(), currency),
        b.oldestOverdueDays(),
        Money.round(b.exposure(), currency),
        Money.round(b.billed12Months(), currency),
        Money.round(b.writtenOff12Months(), currency),
        b.disputes12Months(),
        b.openDisputes(),
        b.brokenPromises12Months(),
        b.brokenPlans12Months(),
        b.escalations12Months(),
        b.firstInvoiceDate(),
        b.relationshipMonths());
  }
}
