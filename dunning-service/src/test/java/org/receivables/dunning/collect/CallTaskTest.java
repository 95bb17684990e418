package org.receivables.dunning.collect;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** An answered call closes the task; no answer or a call-back leaves it on the worklist. */
class CallTaskTest {

  private static final Instant AT = Instant.parse("2026-06-15T09:00:00Z");

  @Test
  void onlyAnAnsweredCallClosesTheTask() {
    for (CallOutcomeRequest.Outcome o : CallOutcomeRequest.Outcome.values()) {
      CallTask task = new CallTask();
      task.status = CallTask.OPEN;
      task.record(o, "note", "alice", AT);
      boolean stillOpen =
          o == CallOutcomeRequest.Outcome.NO_ANSWER || o == CallOutcomeRequest.Outcome.CALL_BACK;
      assertThat(task.done()).as(o.name()).isEqualTo(!stillOpen);
      assertThat(task.outcome).isEqualTo(o.name());
      assertThat(task.doneBy).isEqualTo("alice");
      assertThat(task.doneAt).isEqualTo(AT);
    }
  }
}
