package org.receivables.dunning.replica;

import static org.assertj.core.api.Assertions.assertThat;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.receivables.dunning.DunningFlowSupport;
import org.receivables.events.InvoiceIssued;
import org.receivables.events.PaymentReceived;
import org.receivables.events.Topics;
import org.receivables.kit.testing.KafkaReader;
import org.receivables.kit.testing.KafkaWriter;

/**
 * The replica's consumer on the real broker and database, through the kit's handler table: an
 * invoice lands in the kit's {@code invoice_replica} with dunning's own column beside it, a payment
 * delivered twice counts once, and a payment on an invoice never issued here is dead-lettered with
 * the kit's one rule, leaving nothing behind.
 */
@QuarkusTest
class ReplicaConsumerTest extends DunningFlowSupport {

  @Inject AgroalDataSource dataSource;

  @Test
  void anInvoiceAndARedeliveredPaymentAreAppliedOnce() throws Exception {
    String customer = customer(mail(), null, "fr");
    BigDecimal total = new BigDecimal("1200.00");
    InvoiceIssued issued =
        new InvoiceIssued(
            tenant,
            customer,
            UUID.randomUUID().toString(),
            "F-R1",
            AS_OF.minusDays(40),
            AS_OF.minusDays(10),
            "EUR",
            total,
            BigDecimal.ZERO,
            total,
            total,
            null,
            "RF18539007547034");
    publish(issued);
    PaymentReceived payment = payment(customer, issued.invoiceId(), "200.00", "1000.00");
    String eventId = UUID.randomUUID().toString();
    KafkaWriter.publish(Topics.INVOICING, eventId, payment);
    KafkaWriter.publish(Topics.INVOICING, eventId, payment); // a redelivery

    await(
        () -> "1000.0000".equals(text("outstanding", "invoice_replica", issued.invoiceId())),
        "the payment in the replica");
    // a later event on the same key proves the redelivery was consumed before it
    publish(payment(customer, issued.invoiceId(), "0.01", "999.99"));
    await(
        () -> "999.9900".equals(text("outstanding", "invoice_replica", issued.invoiceId())),
        "the second payment in the replica");

    assertThat(count("dn_invoice_movement", issued.invoiceId())).isEqualTo(2);
    assertThat(text("payment_reference", "dunning_invoice", issued.invoiceId()))
        .isEqualTo("RF18539007547034");
  }

  @Test
  void aPaymentOnAnInvoiceNeverIssuedHereIsDeadLettered() throws Exception {
    String customer = customer(mail(), null, "en");
    String unknown = UUID.randomUUID().toString();
    publish(payment(customer, unknown, "50.00", "0.00"));

    KafkaReader.Received parked =
        KafkaReader.await(Topics.INVOICING + ".dlq", r -> r.value().contains(unknown), WAIT);

    assertThat(parked.headers().get("dead-letter-reason")).contains("Unknown invoice " + unknown);
    assertThat(count("dn_invoice_movement", unknown)).isZero();
    assertThat(count("invoice_replica", unknown)).isZero();
  }

  private PaymentReceived payment(
      String customer, String invoiceId, String amount, String outstanding) {
    return new PaymentReceived(
        tenant,
        customer,
        invoiceId,
        UUID.randomUUID().toString(),
        "EUR",
        new BigDecimal(amount),
        null,
        LocalDate.of(2026, 6, 1),
        null,
        new BigDecimal(amount),
        new BigDecimal(outstanding),
        "PARTIALLY_PAID");
  }

  private String text(String column, String table, String invoiceId) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "select "
                    + column
                    + "::text from "
                    + table
                    + " where tenant_id = ? and invoice_id = ?")) {
      ps.setString(1, tenant);
      ps.setString(2, invoiceId);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? rs.getString(1) : null;
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private long count(String table, String invoiceId) throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "select count(*) from " + table + " where tenant_id = ? and invoice_id = ?")) {
      ps.setString(1, tenant);
      ps.setString(2, invoiceId);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }
}
