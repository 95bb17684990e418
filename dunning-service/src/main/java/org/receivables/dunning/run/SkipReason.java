package org.receivables.dunning.run;

/** Why a run left an invoice alone; shown in the run's report. */
public enum SkipReason {
  /** Nothing is owed any more (paid, credited, cancelled or written off). */
  SETTLED,
  /** The customer disputes the invoice. */
  DISPUTED,
  /** A promise to pay covers the invoice and is not yet due or broken. */
  PROMISE_ACTIVE,
  /** A payment plan covers the invoice and is being kept. */
  PLAN_ACTIVE,
  /** The customer is marked do-not-dun, or exempted in dunning. */
  CUSTOMER_EXEMPT,
  /** No customer data has arrived for the invoice yet: nobody to address. */
  CUSTOMER_UNKNOWN,
  /** The customer's invoices at the step total less than the step's minimum. */
  UNDER_MINIMUM
}
