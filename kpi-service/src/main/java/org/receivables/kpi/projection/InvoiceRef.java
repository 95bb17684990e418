package org.receivables.kpi.projection;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/** The facts of a projected invoice that a movement needs, as of before the movement. */
public record InvoiceRef(
    UUID invoiceId,
    String tenantId,
    UUID customerId,
    String currency,
    LocalDate issueDate,
    LocalDate dueDate,
    BigDecimal total,
    BigDecimal balance) {}
