package org.receivables.dunning.replica;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A change of an invoice's principal on a day: positive when it reduces what is owed (payment,
 * credit note), negative for a reversal.
 */
public record Movement(LocalDate on, BigDecimal amount) {}
