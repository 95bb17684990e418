package org.receivables.kit.replica;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.sql.Connection;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.receivables.events.InvoiceIssued;
import org.receivables.kit.testing.ScratchSchema;

/** The replica's SQL and row mapping on a real PostgreSQL, with the kit's own table script. */
class InvoiceReplicaRowsTest {

  private static final Instant T0 = Instant.parse("2026-12-06T10:00:00Z");
  private static final Instant T1 = Instant.parse("2026-12-06T11:00:00Z");

  private ScratchSchema db;
  private Connection c;
  private final String customer = UUID.randomUUID().toString();

  @BeforeEach
  void schema() throws Exception {
    db = new ScratchSchema().run("db/invoice-replica/beforeMigrate__invoice_replica.sql");
    c = db.connection();
  }

  @AfterEach
  void drop() throws Exception {
    db.close();
  }

  @Test
  void anIssuedInvoiceIsOpenWithItsFiguresAndIssuingItTwiceKeepsTheFirst() throws Exception {
    InvoiceIssued issued = issued("i-1", "1200.00", null);
    ReplicaInvoice invoice = InvoiceReplicaRows.issue(c, issued, T0).orElseThrow();
    assertThat(invoice.status()).isEqualTo("OPEN");
    assertThat(invoice.outstanding()).isEqualByComparingTo("1200.00"); // no outstanding: the total
    assertThat(invoice.dueDate()).isEqualTo(LocalDate.of(2026, 3, 2));
    assertThat(invoice.updatedAt()).isEqualTo(T0);
    assertThat(invoice.open()).isTrue();

    assertThat(InvoiceReplicaRows.issue(c, issued("i-1", "99.00", null), T1)).isEmpty();
    assertThat(InvoiceReplicaRows.find(c, "acme", "i-1")).contains(invoice);
  }

  @Test
  void aBalanceTakesTheEventsFiguresAndANullKeepsWhatIsKnown() throws Exception {
    InvoiceReplicaRows.issue(c, issued("i-1", "1200.00", "1200.00"), T0);
    ReplicaInvoice paid =
        InvoiceReplicaRows.balance(
            c, "acme", "i-1", new BigDecimal("200.00"), "PARTIALLY_PAID", T1);
    assertThat(paid.outstanding()).isEqualByComparingTo("200.00");
    assertThat(paid.status()).isEqualTo("PARTIALLY_PAID");
    assertThat(paid.updatedAt()).isEqualTo(T1);

    ReplicaInvoice older = InvoiceReplicaRows.balance(c, "acme", "i-1", null, null, T1);
    assertThat(older.outstanding()).isEqualByComparingTo("200.00");
    assertThat(older.status()).isEqualTo("PARTIALLY_PAID");

    ReplicaInvoice cancelled =
        InvoiceReplicaRows.balance(c, "acme", "i-1", BigDecimal.ZERO, "CANCELLED", T1);
    assertThat(cancelled.open()).isFalse();
  }

  @Test
  void dueDateAndDisputeChangeOnlyTheirColumn() throws Exception {
    InvoiceReplicaRows.issue(c, issued("i-1", "100.00", null), T0);
    LocalDate later = LocalDate.of(2026, 4, 30);
    assertThat(InvoiceReplicaRows.dueDate(c, "acme", "i-1", later, T1).dueDate()).isEqualTo(later);
    assertThat(InvoiceReplicaRows.disputed(c, "acme", "i-1", true, T1).disputed()).isTrue();
    ReplicaInvoice resolved = InvoiceReplicaRows.disputed(c, "acme", "i-1", false, T1);
    assertThat(resolved.disputed()).isFalse();
    assertThat(resolved.dueDate()).isEqualTo(later);
    assertThat(resolved.outstanding()).isEqualByComparingTo("100.00");
  }

  @Test
  void everyUpdateOfAnUnknownInvoiceThrowsAndCreatesNothing() throws Exception {
    InvoiceReplicaRows.issue(c, issued("i-1", "100.00", null), T0);
    assertThatThrownBy(
            () -> InvoiceReplicaRows.balance(c, "acme", "ghost", BigDecimal.ONE, "PAID", T1))
        .isInstanceOf(UnknownInvoiceException.class)
        .hasMessageContaining("ghost")
        .hasMessageContaining("acme");
    assertThatThrownBy(() -> InvoiceReplicaRows.dueDate(c, "acme", "ghost", LocalDate.MAX, T1))
        .isInstanceOf(UnknownInvoiceException.class);
    // the same invoice id in another tenant is another invoice
    assertThatThrownBy(() -> InvoiceReplicaRows.disputed(c, "globex", "i-1", true, T1))
        .isInstanceOf(UnknownInvoiceException.class);
    assertThat(InvoiceReplicaRows.find(c, "acme", "ghost")).isEmpty();
    assertThat(InvoiceReplicaRows.find(c, "globex", "i-1")).isEmpty();
  }

  @Test
  void readersReturnRecordsOfKnownInvoicesOnly() throws Exception {
    InvoiceReplicaRows.issue(c, issued("i-2", "20.00", null), T0);
    InvoiceReplicaRows.issue(c, issued("i-1", "10.00", null), T0);
    assertThat(InvoiceReplicaRows.findAll(c, "acme", List.of("i-2", "ghost", "i-1")))
        .extracting(ReplicaInvoice::invoiceId)
        .containsExactly("i-1", "i-2");
    assertThat(InvoiceReplicaRows.findAll(c, "acme", List.of())).isEmpty();
    assertThat(InvoiceReplicaRows.ofCustomer(c, "acme", customer))
        .extracting(ReplicaInvoice::totalInclTax)
        .usingElementComparator(BigDecimal::compareTo)
        .containsExactly(new BigDecimal("10.00"), new BigDecimal("20.00"));
    assertThat(InvoiceReplicaRows.ofCustomer(c, "acme", "someone-else")).isEmpty();
  }

  @Test
  void theTableScriptRunsAgainWithoutHarm() throws Exception {
    InvoiceReplicaRows.issue(c, issued("i-1", "10.00", null), T0);
    db.run("db/invoice-replica/beforeMigrate__invoice_replica.sql");
    assertThat(InvoiceReplicaRows.find(c, "acme", "i-1")).isPresent();
  }

  private InvoiceIssued issued(String id, String total, String outstanding) {
    return new InvoiceIssued(
        "acme",
        customer,
        id,
        "F-" + id,
        LocalDate.of(2026, 1, 31),
        LocalDate.of(2026, 3, 2),
        "EUR",
        new BigDecimal(total),
        BigDecimal.ZERO,
        new BigDecimal(total),
        outstanding == null ? null : new BigDecimal(outstanding),
        null);
  }
}
