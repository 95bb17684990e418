package org.receivables.dunning.policy;

/**
 * What a step does besides (or instead of) a message. Escalations past a formal notice need one
 * first: French courts and agencies expect a mise en demeure before anything harsher.
 */
public enum StepAction {
  /** Send the step's template on its channels. */
  SEND,
  /** Put a call in a collector's worklist. */
  CALL_TASK,
  /** The message is a formal notice (mise en demeure) claiming interest and the indemnity. */
  FORMAL_NOTICE,
  /** Ask for the customer to be put on credit hold. */
  CREDIT_HOLD,
  /** Hand the invoices over to a collection agency. */
  AGENCY,
  /** Hand the invoices over to legal proceedings. */
  LEGAL;

  public boolean isEscalation() {
    return this == FORMAL_NOTICE || this == AGENCY || this == LEGAL;
  }
}
