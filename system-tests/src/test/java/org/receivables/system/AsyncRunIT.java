package org.receivables.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * An asynchronous dunning run through the gateway: 202 with the run's resource, its progress, its
 * completion, and a crash of dunning (SIGKILL) right after the run was accepted, while it decides
 * or sends: the restarted service finishes the run, and no customer gets a second message (a copy
 * sent again after the crash carries the same Message-ID, counted in the SMTP server's mailboxes).
 */
class AsyncRunIT {

  private static final LocalDate AS_OF = LocalDate.of(2026, 6, 15);
  private static final int CUSTOMERS = 40;
  private static final Pattern MESSAGE_ID = Pattern.compile("(?im)^Message-ID:\\s*(<[^>\\s]+>)");
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private final String tenant = LocalIdentityProvider.freshTenant("async");
  private final String token = LocalIdentityProvider.token(tenant, "collector-" + tenant);
  private final RetryingClient api = new RetryingClient(token, Duration.ofSeconds(150));

  @Test
  void anAcceptedRunSurvivesACrashOfDunningAndSendsEachMessageOnce() throws Exception {
    List<String> emails = new ArrayList<>();
    for (int i = 0; i < CUSTOMERS; i++) {
      String email = "async-" + UUID.randomUUID() + "@it.local";
      emails.add(email);
      invoice(customer(i, email), i);
    }
    // dunning has every invoice once a dry run would remind every customer (a dry run creates no
    // reminder: its actions say what it would send)
    Suite.await(
        "dunning's replica to hold the " + CUSTOMERS + " invoices",
        Duration.ofMinutes(3),
        () -> {
          RetryingClient.Answer dry =
              api.create("/api/v1/dunning/runs", Map.of("asOf", AS_OF.toString(), "dryRun", true));
          return dry.ok() && dry.body().path("actions").size() == CUSTOMERS;
        });

    HttpResponse<String> accepted = acceptRun();
    assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
    String location = accepted.headers().firstValue("Location").orElseThrow();
    String runId = JSON.readTree(accepted.body()).path("id").asText();
    assertThat(location).endsWith("/api/v1/dunning/runs/" + runId);
    assertThat(JSON.readTree(accepted.body()).path("status").asText()).isEqualTo("RUNNING");

    Suite.kill("dunning");
    Suite.start("dunning");

    Suite.await(
        "the run to complete after dunning's restart",
        Duration.ofMinutes(5),
        () -> "COMPLETED".equals(run(runId).path("status").asText()),
        () -> run(runId).toString());
    JsonNode done = run(runId);
    assertThat(done.path("progress").path("planned").asBoolean()).isTrue();
    assertThat(done.path("progress").path("remindersTotal").asInt()).isEqualTo(CUSTOMERS);
    assertThat(done.path("progress").path("remindersPending").asInt()).isZero();
    assertThat(done.path("remindersSent").asInt()).isEqualTo(CUSTOMERS);

    // each customer got its message, and any copy a crash caused is the same message
    for (String email : emails) {
      Suite.await(
          "a message for " + email, Duration.ofMinutes(1), () -> !Fixtures.inbox(email).isEmpty());
      Set<String> ids = new HashSet<>();
      for (String mime : Fixtures.inbox(email)) {
        Matcher m = MESSAGE_ID.matcher(mime);
        assertThat(m.find()).as("Message-ID of a message to %s", email).isTrue();
        ids.add(m.group(1));
      }
      assertThat(ids).as("distinct messages to %s", email).hasSize(1);
    }
    // the run again for the same date sends nothing new
    RetryingClient.Answer again =
        api.create("/api/v1/dunning/runs", Map.of("asOf", AS_OF.toString()));
    assertThat(again.status()).isEqualTo(201);
    assertThat(again.body().path("remindersSent").asInt()).isZero();
  }

  private HttpResponse<String> acceptRun() throws IOException, InterruptedException {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create(Suite.GATEWAY + "/api/v1/dunning/runs"))
            .timeout(Duration.ofSeconds(40))
            .header("Authorization", "Bearer " + token)
            .header("Idempotency-Key", UUID.randomUUID().toString())
            .header("Prefer", "respond-async")
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString("{\"asOf\":\"" + AS_OF + "\"}"))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private JsonNode run(String runId) {
    RetryingClient.Answer r = api.get("/api/v1/dunning/runs/" + runId);
    assertThat(r.status()).as("run %s: %s", runId, r.body()).isEqualTo(200);
    return r.body();
  }

  private String customer(int i, String email) {
    RetryingClient.Answer answer =
        api.create(
            "/api/v1/customers",
            Fixtures.customer("ASYNC-" + i + "-" + UUID.randomUUID(), "Client async " + i, email));
    assertThat(answer.status()).as("customer: %s", answer.body()).isEqualTo(201);
    return answer.text("id");
  }

  /** An invoice due two days before the run's date: the friendly reminder is due. */
  private void invoice(String customer, int i) {
    RetryingClient.Answer answer =
        api.create(
            "/api/v1/invoices",
            Fixtures.invoice(
                customer,
                "AS-" + i + "-" + UUID.randomUUID().toString().substring(0, 8),
                AS_OF.minusDays(32),
                "Prestation",
                100 + i));
    assertThat(answer.status()).as("invoice: %s", answer.body()).isEqualTo(201);
  }
}
