package org.receivables.dunning.commitment;

import jakarta.persistence.AssociationOverride;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.receivables.kit.money.Money;

/**
 * An agreed payment plan: a state (active, completed, broken) that {@link PlanRules} moves on from
 * the payments on its invoices; the entity only records where it stands.
 */
@Entity
@Table(name = "payment_plan")
@AssociationOverride(
    name = "invoiceIds",
    joinTable = @JoinTable(name = "plan_invoice", joinColumns = @JoinColumn(name = "plan_id")))
public class PaymentPlan extends Commitment<PlanStatus> {

  public BigDecimal total;

  /** Few and always read whole: kept as one JSON text column. */
  @Convert(converter = InstalmentsConverter.class)
  public List<Instalment> instalments;

  @Column(name = "agreed_on")
  public LocalDate agreedOn;

  @Column(name = "waive_fees")
  public boolean waiveFees;

  @Override
  protected PlanStatus activeStatus() {
    return PlanStatus.ACTIVE;
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
