package org.receivables.scoring.credit;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.receivables.scoring.hold.CreditHolds;

/** Whether a customer is on credit hold, and every change of it. */
@Schema(name = "CreditHold")
public record CreditHoldView(
    String customerId,
    boolean onHold,
    @Schema(description = "Changes, newest first (the audit trail)")
        List<CreditHolds.Change> changes) {}
