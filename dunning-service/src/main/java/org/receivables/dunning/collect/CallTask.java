package org.receivables.dunning.collect;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A call a collector is asked to make. Runs create them in bulk (set-based inserts); the worklist
 * moves one on: an answered call closes it, no answer or a call-back keeps it open.
 */
@Entity
@Table(name = "call_task")
public class CallTask extends PanacheEntityBase {

  static final String OPEN = "OPEN";
  static final String DONE = "DONE";

  @Id public UUID id;

  @Column(name = "tenant_id", nullable = false, updatable = false)
  public String tenantId;

  @Column(name = "customer_id", nullable = false, updatable = false)
  public String customerId;

  @Column(name = "step_code", updatable = false)
  public String stepCode;

  @Column(updatable = false)
  public BigDecimal amount;

  public String status;

  public String outcome;

  public String note;

  @Column(name = "done_by")
  public String doneBy;

  @Column(name = "done_at")
  public Instant doneAt;

  @Column(name = "due_on", updatable = false)
  public LocalDate dueOn;

  public boolean done() {
    return DONE.equals(status);
  }

  /** Records the call's outcome; only an answered call (any other outcome) closes the task. */
  public void record(CallOutcomeRequest.Outcome result, String note, String actor, Instant at) {
    status = closes(result) ? DONE : OPEN;
    outcome = result.name();
    this.note = note;
    doneBy = actor;
    doneAt = at;
  }

  static boolean closes(CallOutcomeRequest.Outcome result) {
    return result != CallOutcomeRequest.Outcome.NO_ANSWER
        && result != CallOutcomeRequest.Outcome.CALL_BACK;
  }
}
