package org.receivables.dunning.run;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What a run did (or, dry, would do). */
@Schema(name = "DunningRun")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RunView(
    UUID id,
    LocalDate asOf,
    boolean dryRun,
    @Schema(description = "API or SCHEDULE") String trigger,
    Instant startedAt,
    Instant finishedAt,
    @Schema(description = "Open invoices looked at") int invoicesConsidered,
    @Schema(description = "Messages sent by this run (a dry run sends none)") int remindersSent,
    @Schema(description = "Messages that failed after retries; reported, never counted as sent")
        int remindersFailed,
    int callTasksCreated,
    int escalations,
    @Schema(description = "What the run did or would do, one entry per customer and step")
        List<Action> actions,
    @Schema(description = "Invoices left alone, with the reason") List<Skip> skipped,
    @Schema(description = "The reminders this run created") List<ReminderView> reminders,
    @Schema(
            description =
                "RUNNING until the run has sent everything, then COMPLETED; FAILED if it could not"
                    + " complete (see failure)",
            enumeration = {"RUNNING", "COMPLETED", "FAILED"})
        String status,
    @Schema(description = "Why the run failed; absent otherwise", nullable = true) String failure,
    @Schema(description = "How far a stored run is; absent on a dry run", nullable = true)
        Progress progress) {

  /** How far a run is: its reminders by status, counted live. */
  @Schema(name = "DunningRunProgress")
  public record Progress(
      @Schema(description = "False while an accepted run has not decided yet") boolean planned,
      @Schema(description = "Reminders the run created") int remindersTotal,
      @Schema(description = "Of which still to send") int remindersPending,
      @Schema(description = "Of which sent") int remindersSent,
      @Schema(description = "Of which failed after retries") int remindersFailed) {}

  /** One communication or task: a customer, a step, its invoices. */
  @Schema(name = "DunningRunAction")
  public record Action(
      String customerId,
      String step,
      String stepName,
      List<String> channels,
      List<String> actions,
      List<String> invoiceIds,
      BigDecimal amount,
      String currency,
      UUID policyId,
      int policyVersion,
      @Schema(
              description =
                  "Notes such as a channel left out for lack of an address; empty when none")
          List<String> notes) {

    /** Always lists, so clients read an array (possibly empty), never null. */
    public Action {
      channels = channels == null ? List.of() : channels;
      actions = actions == null ? List.of() : actions;
      invoiceIds = invoiceIds == null ? List.of() : invoiceIds;
      notes = notes == null ? List.of() : notes;
    }
  }

  /** An invoice the run left alone. */
  @Schema(name = "DunningRunSkip")
  public record Skip(
      String invoiceId, String customerId, @Schema(example = "DISPUTED") String reason) {}
}
