package org.receivables.dunning.commitment;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
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
 * A customer's promise to pay: a state (active, kept, broken) that {@link PromiseRules} moves on
 * from the payments on its invoices; the entity only records where it stands.
 */
@Entity
@Table(name = "promise_to_pay")
public class Promise extends Commitment {

  /** In the order the collector listed them. */
  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(name = "promise_invoice", joinColumns = @JoinColumn(name = "promise_id"))
  @OrderColumn(name = "position")
  @Column(name = "invoice_id", nullable = false)
  public List<String> invoiceIds = new ArrayList<>();

  public BigDecimal amount;

  @Column(name = "promised_for")
  public LocalDate promisedFor;

  @Column(name = "made_on")
  public LocalDate madeOn;

  @Enumerated(EnumType.STRING)
  public PromiseStatus status;

  /** Applies an evaluation: only a change of state is recorded. */
  public boolean close(PromiseRules.Outcome outcome) {
    if (outcome.status() == PromiseStatus.ACTIVE || status != PromiseStatus.ACTIVE) {
      return false;
    }
    status = outcome.status();
    closedOn = outcome.on();
    return true;
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
