package org.receivables.invoicing.cash.match;

import java.math.BigDecimal;
import java.time.LocalDate;

/** An incoming transfer as the matcher sees it. */
public record Transfer(
    BigDecimal amount,
    String currency,
    LocalDate bookingDate,
    String debtorName,
    String debtorIban,
    String remittance) {}
