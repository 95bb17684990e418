package org.receivables.events;

/**
 * Payment terms as carried in events.
 *
 * @param days net days
 * @param endOfMonth {@code NONE}, {@code DAYS_THEN_END_OF_MONTH} or {@code END_OF_MONTH_THEN_DAYS}
 */
public record PaymentTermsData(int days, String endOfMonth) {}
