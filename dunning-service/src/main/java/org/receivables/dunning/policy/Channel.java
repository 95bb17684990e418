package org.receivables.dunning.policy;

/** How a reminder reaches the customer. Phone calls are call tasks, not reminders. */
public enum Channel {
  EMAIL,
  SMS,
  LETTER
}
