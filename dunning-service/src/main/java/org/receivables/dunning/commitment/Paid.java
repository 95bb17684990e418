package org.receivables.dunning.commitment;

import java.math.BigDecimal;
import java.time.LocalDate;

/** Money received on a commitment's invoices on a date (negative for a reversal). */
public record Paid(LocalDate on, BigDecimal amount) {}
