package org.receivables.invoicing.cash;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.receivables.invoicing.TestLedger;
import org.receivables.invoicing.cash.match.BatchBook;
import org.receivables.invoicing.cash.match.Book;
import org.receivables.invoicing.cash.match.Decision;
import org.receivables.invoicing.cash.match.Matcher;
import org.receivables.invoicing.cash.match.OpenInvoice;
import org.receivables.invoicing.cash.match.Transfer;
import org.receivables.kit.tenant.TenantScope;

/**
 * The matcher's look-ups on the database, bound to a tenant as the import is (the forced tenant
 * policy applies): each batch look-up answers what the single one answers, a statement decided
 * chunk-wise is decided as entry by entry, and the look-ups by number and by amount use their
 * indexes under the policy (with leakproof conditions only; an expression over the invoice's
 * columns made every look-up read the whole book).
 */
@QuarkusTest
class SqlBookTest {

  private static final Matcher.Settings SETTINGS =
      new Matcher.Settings(0.9, 0.1, new BigDecimal("2.00"), 4);

  private final TestLedger api = new TestLedger();
  private final List<OpenInvoice> invoices = new ArrayList<>();
  private String martin;
  private String dupont;
  private LocalDate day;

  @Inject SqlBook books;
  @Inject EntityManager em;

  @BeforeEach
  void aBook() {
    martin = api.customer();
    dupont = api.customer();
    String[] nets = {"100", "100", "250", "80", "100", "42.50", "300", "75"};
    for (int n = 0; n < nets.length; n++) {
      Map<String, Object> body =
          new java.util.HashMap<>(
              TestLedger.invoiceBody(n % 3 == 0 ? dupont : martin, "2026-01-1" + n % 4, nets[n]));
      body.put("number", String.format("Q-2026-%07d", 4100 + n));
      api.erp().body(body).post("/api/v1/invoices").then().statusCode(201);
    }
    day = LocalDate.of(2026, 2, 3);
    inTenant(
        () -> {
          invoices.addAll(all());
          em.createNativeQuery(
                  "insert into payer_account (tenant_id, iban, customer_id, confirmations, last_at)"
                      + " values (:t, 'FR7630004000031234567890143', :c, 1, now())")
              .setParameter("t", api.tenant)
              .setParameter("c", UUID.fromString(martin))
              .executeUpdate();
          return null;
        });
    assertThat(invoices).hasSize(nets.length);
  }

  private List<OpenInvoice> all() {
    List<String> digits = new ArrayList<>();
    for (int n = 0; n < 8; n++) {
      digits.add(String.format("2026%07d", 4100 + n));
    }
    return books.of(api.tenant).byNumberKeys(Set.of(), digits, day, 100);
  }

  private <T> T inTenant(java.util.function.Supplier<T> work) {
    return TenantScope.call(api.tenant, () -> QuarkusTransaction.requiringNew().call(work::get));
  }

  @Test
  void batchLookUpsAnswerWhatSingleOnesDo() {
    inTenant(
        () -> {
          Book book = books.of(api.tenant);
          List<Book.Owner> owners =
              List.of(
                  new Book.Owner(UUID.fromString(martin), "EUR"),
                  new Book.Owner(UUID.fromString(dupont), "EUR"),
                  new Book.Owner(UUID.fromString(dupont), "USD"));
          Map<Book.Owner, List<OpenInvoice>> open = book.openOfAll(owners, day, 2);
          for (Book.Owner o : owners) {
            assertThat(open.get(o))
                .as("%s", o)
                .isEqualTo(book.openOf(o.customerId(), o.currency(), day, 2));
          }
          assertThat(open.get(owners.get(0))).hasSize(2);
          List<Book.Range> ranges =
              List.of(
                  new Book.Range(new BigDecimal("120.00"), new BigDecimal("122.00"), "EUR"),
                  new Book.Range(new BigDecimal("50.00"), new BigDecimal("52.00"), "EUR"),
                  new Book.Range(new BigDecimal("89.00"), new BigDecimal("90.00"), "EUR"),
                  new Book.Range(new BigDecimal("120.00"), new BigDecimal("122.00"), "USD"));
          Map<Book.Range, List<OpenInvoice>> owing = book.withOutstandingAll(ranges, day, 2);
          for (Book.Range r : ranges) {
            assertThat(owing.get(r))
                .as("%s", r)
                .isEqualTo(book.withOutstanding(r.low(), r.high(), r.currency(), day, 2));
          }
          // three invoices owe 120.00; the first two in the book's order are answered
          assertThat(owing.get(ranges.get(0))).hasSize(2);
          assertThat(owing.get(ranges.get(1))).singleElement();
          assertThat(owing.get(ranges.get(2))).singleElement();
          return null;
        });
  }

  @Test
  void aStatementDecidedChunkWiseIsDecidedAsEntryByEntry() {
    OpenInvoice a = invoices.get(2);
    OpenInvoice b = invoices.get(4);
    List<Transfer> statement =
        List.of(
            transfer(a.outstanding(), "Paiement " + a.paymentReference(), null),
            transfer(a.outstanding(), "fac " + a.number(), null),
            // a keystroke from Q-2026-0004102, whose amount it pays
            transfer(a.outstanding(), "FACT Q 2026 0004120", null),
            transfer(new BigDecimal("120.00"), "virement", null),
            transfer(new BigDecimal("51.00"), null, null),
            transfer(
                a.outstanding().add(b.outstanding()),
                "factures",
                "FR76 3000 4000 0312 3456 7890 143"),
            transfer(new BigDecimal("7.00"), "remboursement", null));
    inTenant(
        () -> {
          Book book = books.of(api.tenant);
          BatchBook batch = new BatchBook(book, statement);
          for (Transfer t : statement) {
            batch.nextTransfer();
            Decision chunkWise = Matcher.match(t, batch, SETTINGS);
            assertThat(chunkWise).as("%s", t).isEqualTo(Matcher.match(t, book, SETTINGS));
          }
          return null;
        });
  }

  @Test
  void lookUpsByNumberAndAmountUseTheirIndexesUnderTheTenantPolicy() {
    // SqlBook's conditions on V13's keys alone (its queries add conditions any index of the
    // tenant may serve, which the planner is free to prefer on a test's small book)
    String byNumber =
        explain(
            "select i.id from invoice i where i.tenant_id = :t and (i.number_key ="
                + " any(string_to_array(:alnum, ',')) or i.number_digits ="
                + " any(string_to_array(:digits, ',')))",
            Map.of("alnum", "Q20264100,Q20264101", "digits", "20264100"));
    assertThat(byNumber).containsPattern("Index Cond: .*number_(key|digits)");
    String byAmount =
        explain(
            "select i.id from invoice i where i.tenant_id = :t and i.status in ('OPEN',"
                + " 'PARTIALLY_PAID') and i.currency = cast(:cur as char(3)) and"
                + " i.outstanding_units between :lo and :hi",
            Map.of(
                "cur",
                "EUR",
                "lo",
                SqlBook.units(new BigDecimal("120"), RoundingMode.FLOOR),
                "hi",
                SqlBook.units(new BigDecimal("122"), RoundingMode.CEILING)));
    assertThat(byAmount).contains("invoice_open_outstanding");
    assertThat(byAmount).containsPattern("Index Cond: .*outstanding_units");
  }

  /** The plan, sequential scans disfavoured (the test's book is small enough for one). */
  private String explain(String sql, Map<String, Object> parameters) {
    // statistics, as autovacuum would have them (the test's connection is the superuser unbound)
    QuarkusTransaction.requiringNew()
        .run(() -> em.createNativeQuery("analyze invoice").executeUpdate());
    return inTenant(
        () -> {
          em.createNativeQuery("select set_config('enable_seqscan', 'off', true)")
              .getSingleResult();
          var query = em.createNativeQuery("explain " + sql).setParameter("t", api.tenant);
          parameters.forEach(query::setParameter);
          StringBuilder plan = new StringBuilder();
          query.getResultList().forEach(line -> plan.append(line).append('\n'));
          return plan.toString();
        });
  }

  private Transfer transfer(BigDecimal amount, String text, String iban) {
    return new Transfer(amount, "EUR", day, "Boulangerie Martin", iban, text);
  }
}
