package org.receivables.invoicing.cash;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.scheduler.Scheduler;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.receivables.invoicing.TestLedger;
import org.receivables.invoicing.cash.Statements.Entry;

/**
 * The worker's claim: an import another process holds is skipped, and taken up once that process
 * died (its connection, and so its lock, gone); taking a finished import up again applies nothing
 * twice. The scheduled poll is paused so that this test's calls are the only worker.
 */
@QuarkusTest
class StatementImportWorkerTest {

  private final TestLedger api = new TestLedger();

  @Inject StatementImportWorker worker;
  @Inject Scheduler scheduler;

  @BeforeEach
  void pauseThePoll() {
    scheduler.pause(StatementImportWorker.JOB);
    while (worker.workOne()) {
      // imports other tests left queued
    }
  }

  @AfterEach
  void resumeThePoll() {
    scheduler.resume(StatementImportWorker.JOB);
  }

  /** A connection of its own, as another replica's worker would hold. */
  private static Connection otherProcess() throws Exception {
    var config = ConfigProvider.getConfig();
    Connection c =
        DriverManager.getConnection(
            config.getValue("quarkus.datasource.jdbc.url", String.class),
            config.getValue("quarkus.datasource.username", String.class),
            config.getOptionalValue("quarkus.datasource.password", String.class).orElse(""));
    c.setAutoCommit(false);
    return c;
  }

  private static void sql(String statement, UUID id) throws Exception {
    try (Connection c = otherProcess();
        PreparedStatement s = c.prepareStatement(statement)) {
      s.setObject(1, id);
      s.executeUpdate();
      c.commit();
    }
  }

  @Test
  void anImportHeldByAnotherProcessIsSkippedAndTakenUpWhenThatProcessDies() throws Exception {
    String invoice = api.invoice(api.customer(), "2026-10-01", "200"); // 240.00
    String ref = "W-" + UUID.randomUUID().toString().substring(0, 8);
    String xml =
        Statements.camt053(
            13,
            "SW-" + ref,
            "FR7630001007941234567890185",
            "0.00",
            "240.00",
            List.of(
                Entry.credit(
                    ref,
                    "240.00",
                    "Client",
                    null,
                    CreditorReference.printed(
                        api.invoiceJson(invoice).getString("paymentReference")))));
    String id =
        api.as("erp")
            .contentType("application/xml")
            .header("Prefer", "respond-async")
            .body(xml)
            .post("/api/v1/bank-statements")
            .then()
            .statusCode(202)
            .extract()
            .path("id");
    UUID importId = UUID.fromString(id);

    try (Connection other = otherProcess();
        PreparedStatement claim =
            other.prepareStatement(
                "select import_id from bank_statement_import_queue where import_id = ? for"
                    + " update skip locked")) {
      claim.setObject(1, importId);
      try (ResultSet r = claim.executeQuery()) {
        assertThat(r.next()).as("the other process claims the import").isTrue();
      }
      assertThat(worker.workOne()).as("a claimed import is skipped").isFalse();
      JsonPath held = api.read("/api/v1/bank-statements/imports/" + id);
      assertThat(held.getString("status")).isEqualTo("RUNNING");
      assertThat(held.getInt("progress.decided")).isZero();
      assertThat(api.invoiceJson(invoice).getString("status")).isEqualTo("OPEN");
      other.rollback(); // the other process dies: its lock goes with its connection
    }

    assertThat(worker.workOne()).as("the import is taken up").isTrue();
    assertThat(worker.workOne()).as("and done: nothing left queued").isFalse();
    JsonPath done = api.read("/api/v1/bank-statements/imports/" + id);
    assertThat(done.getString("status")).isEqualTo("COMPLETED");
    assertThat(done.getInt("statement.matched")).isEqualTo(1);
    assertThat(api.invoiceJson(invoice).getString("status")).isEqualTo("PAID");

    // as a process dying after the last chunk, before it recorded the end, leaves it
    sql(
        "update bank_statement_import set status = 'RUNNING', finished_at = null where id = ?",
        importId);
    sql(
        "insert into bank_statement_import_queue (import_id, tenant, queued_at) select id,"
            + " tenant_id, now() from bank_statement_import where id = ?",
        importId);
    assertThat(worker.workOne()).isTrue();
    assertThat(api.read("/api/v1/bank-statements/imports/" + id).getString("status"))
        .isEqualTo("COMPLETED");
    assertThat(api.invoiceJson(invoice).getObject("amountPaid", BigDecimal.class))
        .as("nothing applied twice")
        .isEqualByComparingTo("240.00");
  }
}
