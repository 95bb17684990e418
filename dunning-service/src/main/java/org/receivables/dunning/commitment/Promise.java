package org.receivables.dunning.commitment;

import jakarta.persistence.AssociationOverride;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.receivables.kit.money.Money;

/**
 * A customer's promise to pay: a state (active, kept, broken) that {@link PromiseRules} moves on
 * from the payments on its invoices; the entity only records where it stands.
 */
@Entity
@Table(name = "promise_to_pay")
@AssociationOverride(
    name = "invoiceIds",
    joinTable =
        @JoinTable(name = "promise_invoice", joinColumns = @JoinColumn(name = "promise_id")))
public class Promise extends Commitment<PromiseStatus> {

  public BigDecimal amount;

  @Column(name = "promised_for")
  public LocalDate promisedFor;

  @Column(name = "made_on")
  public LocalDate madeOn;

  @Override
  protected PromiseStatus activeStatus() {
    return PromiseStatus.ACTIVE;
  }

  public CommitmentView view() {
    return new CommitmentView(
        id,
        "PROMISE",
        customerId,
        List.copyOf(invoiceIds),
        currency,
        Money.round(amount, currency),
        promisedFor,
        madeOn,
        graceDays,
        status.name(),
        closedOn,
        null,
        null,
        note,
        createdBy);
  }
}
