package org.receivables.dunning.commitment;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.receivables.kit.money.Money;

/**
 * An agreed payment plan: a state (active, completed, broken) that {@link PlanRules} moves on from
 * the payments on its invoices; the entity only records where it stands.
 */
@Entity
@Table(name = "payment_plan")
public class PaymentPlan extends Commitment {

  /** In the order the collector listed them. */
  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(name = "plan_invoice", joinColumns = @JoinColumn(name = "plan_id"))
  @OrderColumn(name = "position")
  @Column(name = "invoice_id", nullable = false)
  public List<String> invoiceIds = new ArrayList<>();

  public BigDecimal total;

  /** Few and always read whole: kept as one JSON text column. */
  @Convert(converter = InstalmentsConverter.class)
  public List<Instalment> instalments;

  @Column(name = "agreed_on")
  public LocalDate agreedOn;

  @Column(name = "waive_fees")
  public boolean waiveFees;

  @Enumerated(EnumType.STRING)
  public PlanStatus status;

  /** Applies an evaluation: only a change of state is recorded. */
  public boolean close(PlanRules.Outcome outcome) {
    if (outcome.status() == PlanStatus.ACTIVE || status != PlanStatus.ACTIVE) {
      return false;
    }
    status = outcome.status();
    closedOn = outcome.on();
    return true;
  }

  public CommitmentView view() {
    return new CommitmentView(
        id,
        "PLAN",
        customerId,
        List.copyOf(invoiceIds),
        currency,
        Money.round(total, currency),
        instalments.get(instalments.size() - 1).dueDate(),
        agreedOn,
        graceDays,
        status.name(),
        closedOn,
        instalments,
        waiveFees,
        note,
        createdBy);
  }
}
