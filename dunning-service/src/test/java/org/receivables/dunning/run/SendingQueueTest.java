package org.receivables.dunning.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.receivables.dunning.DunningFlowSupport;
import org.receivables.dunning.GreenMail;
import org.receivables.events.InvoiceIssued;
import org.receivables.events.ReminderSent;
import org.receivables.events.Topics;
import org.receivables.kit.jdbc.NamedRows;
import org.receivables.kit.testing.KafkaReader;

/** The sending queue: one event per message whatever its channels, and the rule after a crash. */
@QuarkusTest
class SendingQueueTest extends DunningFlowSupport {

  private static final Pattern MESSAGE_ID = Pattern.compile("(?im)^Message-ID:\\s*(<[^>\\s]+>)");

  @Inject EntityManager em;

  @Test
  void aMessageOnTwoChannelsIsOneReminderSentNamingThePolicyVersion() {
    String c = customer(mail(), "+33600000102", "fr");
    InvoiceIssued a = invoice(c, "700.00", AS_OF.minusDays(11));
    awaitReplica(a);

    JsonPath r = run(AS_OF);
    assertThat(r.getList("reminders.step", String.class)).containsOnly("SECOND");
    assertThat(r.getInt("remindersSent")).isEqualTo(2);
    String policyId = r.getString("reminders[0].policyId");
    int version = r.getInt("reminders[0].policyVersion");
    assertThat(reminders(c).getList("items.channel", String.class))
        .containsExactlyInAnyOrder("EMAIL", "SMS");

    KafkaReader.Received event =
        KafkaReader.await(
            Topics.DUNNING,
            rec ->
                ReminderSent.TYPE.equals(rec.headers().get("ce_type")) && rec.value().contains(c),
            WAIT);
    assertThat(event.value())
        .contains("\"policyId\":\"" + policyId + "\"", "\"policyVersion\":" + version);
    // the announcement is once per message: its key refuses the second channel's
    long announced =
        QuarkusTransaction.requiringNew()
            .call(
                () ->
                    NamedRows.number(
                        em.createNativeQuery(
                                "select count(*) from reminder_announced where customer_id = :c")
                            .setParameter("c", c)));
    assertThat(announced).isEqualTo(1);
  }

  @Test
  void aReminderLeftSendingByACrashGoesOutAgainWithTheSameMessageId() {
    String email = mail();
    String c = customer(email, null, "en");
    awaitReplica(invoice(c, "640.00", AS_OF.minusDays(2)));
    assertThat(run(AS_OF).getInt("remindersSent")).isEqualTo(1);
    UUID id = UUID.fromString(reminders(c).getString("items[0].id"));

    // as a sender that died after the SMTP server accepted the message and before it recorded it
    // leaves the reminder: SENDING, its queue row there again once the lock went with the process
    sql("update reminder set status = 'SENDING', sent_at = null where id = :id", Map.of("id", id));
    sql(
        "insert into send_queue (reminder_id, tenant, run_id, due_at) select id, tenant_id, run_id,"
            + " now() from reminder where id = :id",
        Map.of("id", id));

    await(() -> GreenMail.inbox(email).size() == 2, "the reminder sent again");
    await(() -> "SENT".equals(reminders(c).getString("items[0].status")), "the reminder SENT");
    List<String> ids = GreenMail.inbox(email).stream().map(m -> messageId(m.text())).toList();
    assertThat(ids).containsExactly(ids.get(0), ids.get(0));
    assertThat(ids.get(0)).startsWith("<" + id + "@");
    assertThat(reminders(c).getInt("items[0].attempts")).isEqualTo(2);
  }

  private static String messageId(String mime) {
    Matcher m = MESSAGE_ID.matcher(mime);
    assertThat(m.find()).as("a Message-ID header in %s", mime).isTrue();
    return m.group(1);
  }

  private void sql(String statement, Map<String, Object> params) {
    TenantSql.run(em, tenant, statement, params);
  }
}
