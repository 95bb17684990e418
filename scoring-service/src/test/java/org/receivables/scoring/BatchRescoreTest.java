package org.receivables.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.receivables.events.CreditHoldRequested;
import org.receivables.events.CreditNoteIssued;
import org.receivables.events.CustomerRegistered;
import org.receivables.events.DisputeOpened;
import org.receivables.events.DisputeResolved;
import org.receivables.events.DomainEvent;
import org.receivables.events.DunningEscalated;
import org.receivables.events.EventJson;
import org.receivables.events.InvoiceCancelled;
import org.receivables.events.InvoiceIssued;
import org.receivables.events.InvoiceWrittenOff;
import org.receivables.events.PaymentReceived;
import org.receivables.events.PaymentReversed;
import org.receivables.events.PaymentTermsData;
import org.receivables.events.PromiseBroken;
import org.receivables.kit.inbox.InboxDispatcher;
import org.receivables.kit.inbox.IncomingEvent;
import org.receivables.kit.tenant.TenantScope;
import org.receivables.kit.testing.TestTokens;
import org.receivables.scoring.external.ExternalInputRepository;
import org.receivables.scoring.external.ExternalScore;
import org.receivables.scoring.external.SectorRiskLevel;
import org.receivables.scoring.intake.ScoringHandlers;
import org.receivables.scoring.ledger.LedgerRepository;
import org.receivables.scoring.limit.LimitOverrides;
import org.receivables.scoring.score.BatchRescore;
import org.receivables.scoring.score.ScoreService;

/**
 * The batch rescore ({@link BatchRescore}: a tenant's customers read, computed and written
 * together) gives exactly what the one-customer path ({@link ScoreService#recompute}) gives: every
 * score, limit, history row, hold and emitted event, on a seeded random book with payments,
 * reversals, credit notes, write-offs, cancellations, disputes, broken promises, escalations, a
 * dunning hold, ratings, a sector risk and a limit override; and nothing at all (no history row, no
 * event) when a second rescore finds nothing changed. Two tenants hold the same book under the same
 * customer ids, one rescored each way. The same events applied one per transaction and as one batch
 * through the intake end with the same scores, limits and holds.
 */
@QuarkusTest
class BatchRescoreTest {

  private static final String INVOICING = "scoring.invoicing";
  private static final String DUNNING = "scoring.dunning";
  private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Europe/Paris"));
  private static final int CUSTOMERS = 14;

  @Inject InboxDispatcher dispatcher;
  @Inject ScoringHandlers handlers;
  @Inject ScoreService scores;
  @Inject BatchRescore batch;
  @Inject LedgerRepository ledger;
  @Inject ExternalInputRepository external;
  @Inject LimitOverrides overrides;
  @Inject TenantScope tenants;
  @Inject EntityManager em;
  @Inject ObjectMapper json;

  private final List<String> customers = new ArrayList<>();

  /** An invoice of the first customer, who never pays in the book. */
  private record IssuedInvoice(String id, BigDecimal total, LocalDate due) {}

  /** The first customer's invoices (the same in every tenant's book). */
  private final List<IssuedInvoice> unpaid = new ArrayList<>();

  BatchRescoreTest() {
    for (int i = 0; i < CUSTOMERS; i++) {
      customers.add(UUID.randomUUID().toString());
    }
  }

  @Test
  void aBatchRescoreGivesWhatOneCustomerAtATimeGives() {
    for (long seed : new long[] {7, 20261207}) {
      unpaid.clear();
      String single = TestTokens.freshTenant();
      String batched = TestTokens.freshTenant();
      for (String tenant : List.of(single, batched)) {
        Book book = book(tenant, seed);
        QuarkusTransaction.requiringNew()
            .run(() -> dispatcher.applyAll(INVOICING, handlers.invoicing(), book.invoicing));
        QuarkusTransaction.requiringNew()
            .run(() -> dispatcher.applyAll(DUNNING, handlers.dunning(), book.dunning));
      }
      // facts that weigh on the scores, written without a rescore: both paths have work to do
      List<String> first = rescoreBoth(single, batched, tenant -> moreFacts(tenant, seed));
      assertThat(first).as("events of the first rescore").isNotEmpty();
      assertThat(first)
          .as("the policy lifts the first customer's hold")
          .anyMatch(e -> e.startsWith("receivables.credit-hold.changed"));
      assertThat(state(batched)).isEqualTo(state(single));

      // nothing changed since: no history row, no event, on either path
      List<String> again = rescoreBoth(single, batched, tenant -> {});
      assertThat(again).isEmpty();
      assertThat(state(batched)).isEqualTo(state(single));
    }
  }

  @Test
  void eventsOneAtATimeAndAsOneBatchEndWithTheSameScoresLimitsAndHolds() {
    String single = TestTokens.freshTenant();
    String batched = TestTokens.freshTenant();
    Book one = book(single, 42);
    for (IncomingEvent e : one.invoicing) {
      dispatcher.apply(INVOICING, handlers.invoicing(), e);
    }
    for (IncomingEvent e : one.dunning) {
      dispatcher.apply(DUNNING, handlers.dunning(), e);
    }
    Book all = book(batched, 42);
    QuarkusTransaction.requiringNew()
        .run(() -> dispatcher.applyAll(INVOICING, handlers.invoicing(), all.invoicing));
    QuarkusTransaction.requiringNew()
        .run(() -> dispatcher.applyAll(DUNNING, handlers.dunning(), all.dunning));
    List<String> expected = finalState(single);
    assertThat(expected.get(0)).isNotEqualTo("null");
    assertThat(finalState(batched)).isEqualTo(expected);
  }

  /**
   * Adds {@code facts} to both tenants, rescores every customer of {@code single} one at a time and
   * of {@code batched} together, and returns the events each emitted (tenant and times left out),
   * after checking that both emitted the same.
   */
  private List<String> rescoreBoth(String single, String batched, Consumer<String> facts) {
    List<String> one =
        inTenant(
            single,
            () -> {
              long mark = lastOutboxId();
              facts.accept(single);
              customers.forEach(c -> scores.recompute(single, c, "test"));
              return events(single, mark);
            });
    List<String> together =
        inTenant(
            batched,
            () -> {
              long mark = lastOutboxId();
              facts.accept(batched);
              batch.recompute(
                  batched,
                  customers.stream().map(c -> new BatchRescore.Rescore(c, "test", null)).toList());
              return events(batched, mark);
            });
    assertThat(sorted(together)).isEqualTo(sorted(one));
    return one;
  }

  private void moreFacts(String tenant, long seed) {
    Random random = new Random(seed + 1);
    external.setSector(tenant, "retail", SectorRiskLevel.HIGH, null, "test");
    for (int i = 0; i < CUSTOMERS; i++) {
      String c = customers.get(i);
      if (i == 0) {
        // the payer that never paid (in the class the policy holds) pays everything when due:
        // its class rises and the policy lifts its hold
        for (IssuedInvoice inv : unpaid) {
          ledger.pay(paid(tenant, c, inv.id(), "LATE-" + inv.id(), inv.total(), inv.due()));
        }
        external.recordRating(
            tenant, c, new ExternalScore("bureau", "A", new BigDecimal(95), TODAY), "test");
      } else if (random.nextInt(3) == 0) {
        ledger.collectionEvent(
            tenant, c, LedgerRepository.ESCALATED, "CALL", TODAY.minusDays(random.nextInt(60)));
      } else if (random.nextInt(3) == 0) {
        external.recordRating(
            tenant,
            c,
            new ExternalScore(
                "bureau",
                null,
                new BigDecimal(random.nextInt(100)),
                TODAY.minusDays(random.nextInt(400))),
            "test");
      }
      if (i == 1) {
        overrides.record(tenant, c, new BigDecimal("12345.00"), "EUR", "trusted", "test");
      }
    }
  }

  /** A seeded random book of the customers: registrations, invoices and what happened to them. */
  private record Book(List<IncomingEvent> invoicing, List<IncomingEvent> dunning) {}

  private Book book(String tenant, long seed) {
    Random random = new Random(seed);
    List<IncomingEvent> invoicing = new ArrayList<>();
    List<IncomingEvent> dunning = new ArrayList<>();
    String[] segments = {"retail", "industry", null};
    for (int i = 0; i < CUSTOMERS; i++) {
      String c = customers.get(i);
      if (i % 5 != 4) { // some customers are seen first in their invoices
        invoicing.add(
            event(
                new CustomerRegistered(
                    tenant,
                    c,
                    "C-" + i,
                    "Customer " + i,
                    "FR",
                    "EUR",
                    "fr",
                    null,
                    null,
                    segments[i % 3],
                    new PaymentTermsData(30, "NONE"))));
      }
      int invoices = i == 0 ? 8 : random.nextInt(9);
      for (int k = 0; k < invoices; k++) {
        String invoice = UUID.nameUUIDFromBytes((c + k).getBytes()).toString();
        LocalDate issued = TODAY.minusDays(10 + random.nextInt(500));
        LocalDate due = issued.plusDays(30);
        BigDecimal total = new BigDecimal(100 + random.nextInt(5000)).setScale(2);
        invoicing.add(
            event(
                new InvoiceIssued(
                    tenant,
                    c,
                    invoice,
                    "F-" + i + "-" + k,
                    issued,
                    due,
                    "EUR",
                    total,
                    BigDecimal.ZERO,
                    total,
                    total,
                    null)));
        if (i == 0) {
          if (unpaid.size() < invoices) {
            unpaid.add(new IssuedInvoice(invoice, total, due));
          }
          continue; // never pays
        }
        LocalDate paidOn = due.plusDays(random.nextInt(90) - 30);
        switch (random.nextInt(8)) {
          case 0, 1, 2 -> {
            if (!paidOn.isAfter(TODAY)) {
              invoicing.add(event(paid(tenant, c, invoice, "P-" + k, total, paidOn)));
              if (random.nextInt(6) == 0) {
                invoicing.add(
                    event(
                        new PaymentReversed(
                            tenant,
                            c,
                            invoice,
                            "P-" + k,
                            "EUR",
                            total,
                            paidOn.plusDays(2),
                            "rejected",
                            BigDecimal.ZERO,
                            total,
                            "OPEN")));
              }
            }
          }
          case 3 ->
              invoicing.add(
                  event(
                      new CreditNoteIssued(
                          tenant,
                          c,
                          invoice,
                          "CN-" + k,
                          "A-" + i + "-" + k,
                          "EUR",
                          total.divide(new BigDecimal(4)),
                          issued.plusDays(5),
                          "discount",
                          total.subtract(total.divide(new BigDecimal(4))),
                          "PARTIALLY_PAID")));
          case 4 ->
              invoicing.add(
                  event(
                      new InvoiceWrittenOff(
                          tenant,
                          c,
                          invoice,
                          "F-" + i + "-" + k,
                          "EUR",
                          due.plusDays(120),
                          total,
                          "bankrupt",
                          BigDecimal.ZERO)));
          case 5 ->
              invoicing.add(
                  event(
                      new InvoiceCancelled(
                          tenant,
                          c,
                          invoice,
                          "F-" + i + "-" + k,
                          "EUR",
                          issued.plusDays(1),
                          "error",
                          BigDecimal.ZERO)));
          case 6 -> {
            String dispute = "D-" + i + "-" + k;
            invoicing.add(
                event(
                    new DisputeOpened(
                        tenant, c, invoice, dispute, "quality", total, issued.plusDays(3))));
            if (random.nextBoolean()) {
              invoicing.add(
                  event(
                      new DisputeResolved(
                          tenant, c, invoice, dispute, "REJECTED", issued.plusDays(20))));
            }
          }
          default -> {
            // still open
          }
        }
      }
      if (random.nextInt(4) == 0) {
        dunning.add(
            event(new PromiseBroken(tenant, c, "PR-" + i, TODAY.minusDays(random.nextInt(90)))));
      }
      if (random.nextInt(4) == 0) {
        dunning.add(
            event(
                new DunningEscalated(
                    tenant,
                    c,
                    List.of(),
                    "formal-notice",
                    "FORMAL_NOTICE",
                    TODAY.minusDays(random.nextInt(60)))));
      }
      if (i == 2) {
        dunning.add(event(new CreditHoldRequested(tenant, c, "agency", TODAY.minusDays(1))));
      }
    }
    return new Book(invoicing, dunning);
  }

  private static PaymentReceived paid(
      String tenant, String c, String invoice, String id, BigDecimal amount, LocalDate on) {
    return new PaymentReceived(
        tenant,
        c,
        invoice,
        id,
        "EUR",
        amount,
        BigDecimal.ZERO,
        on,
        "VIR",
        amount,
        BigDecimal.ZERO,
        "PAID");
  }

  /** Scores, history and holds of the tenant, tenant and times left out. */
  private List<String> state(String tenant) {
    return query(
        tenant,
        List.of(
            "select string_agg(customer_id || ' ' || score || ' ' || risk_class || ' ' || pd || ' '"
                + " || recommended_limit || ' ' || credit_limit || ' ' || currency || ' ' ||"
                + " reasons || ' ' || as_of || ' ' || coalesce(rescore_on::text, '-') || ' ' ||"
                + " model, '; ' order by customer_id) from sc_score where tenant_id = :t",
            "select string_agg(customer_id || ' ' || score || ' ' || risk_class || ' ' || pd || ' '"
                + " || credit_limit || ' ' || currency || ' ' || reasons || ' ' || as_of || ' ' ||"
                + " trigger, '; ' order by customer_id, id) from sc_score_history where tenant_id"
                + " = :t",
            "select string_agg(customer_id || ' ' || on_hold || ' ' || reason || ' ' ||"
                + " changed_by, '; ' order by customer_id, id) from sc_credit_hold where"
                + " tenant_id = :t"));
  }

  /** What the intake leaves: scores, limits and the customers on hold. */
  private List<String> finalState(String tenant) {
    return query(
        tenant,
        List.of(
            "select string_agg(customer_id || ' ' || score || ' ' || risk_class || ' ' || pd || ' '"
                + " || recommended_limit || ' ' || credit_limit || ' ' || currency || ' ' ||"
                + " reasons, '; ' order by customer_id) from sc_score where tenant_id = :t",
            // the customers on hold now (one at a time, a customer may have been held and
            // released on the way: its trail differs, not its state)
            "select string_agg(customer_id, '; ' order by customer_id) from (select distinct on"
                + " (customer_id) customer_id, on_hold from sc_credit_hold where tenant_id = :t"
                + " order by customer_id, id desc) h where on_hold"));
  }

  private List<String> query(String tenant, List<String> sqls) {
    return inTenant(
        tenant,
        () -> {
          List<String> out = new ArrayList<>();
          for (String sql : sqls) {
            out.add(
                String.valueOf(
                    em.createNativeQuery(sql).setParameter("t", tenant).getSingleResult()));
          }
          return out;
        });
  }

  private long lastOutboxId() {
    return ((Number)
            em.createNativeQuery("select coalesce(max(id), 0) from outbox_event").getSingleResult())
        .longValue();
  }

  /** The tenant's events recorded after {@code mark}: type, key and data, tenant and times out. */
  private List<String> events(String tenant, long mark) {
    List<?> rows =
        em.createNativeQuery(
                "select event_type || '|' || event_key || '|' || payload from outbox_event where"
                    + " tenant_id = :t and id > :mark order by id")
            .setParameter("t", tenant)
            .setParameter("mark", mark)
            .getResultList();
    List<String> out = new ArrayList<>();
    for (Object row : rows) {
      String[] parts = String.valueOf(row).split("\\|", 3);
      out.add(parts[0] + "|" + parts[1].replace(tenant, "T") + "|" + withoutTimes(parts[2]));
    }
    return out;
  }

  private String withoutTimes(String payload) {
    try {
      JsonNode node = json.readTree(payload);
      if (node instanceof ObjectNode o) {
        o.remove(List.of("tenantId", "computedAt", "changedAt"));
      }
      return json.writeValueAsString(node);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Events of each customer in their order (a key's order is what consumers rely on), customers
   * sorted.
   */
  private static List<String> sorted(List<String> events) {
    List<String> out = new ArrayList<>(events);
    java.util.Map<String, Integer> seq = new java.util.HashMap<>();
    List<String> keyed = new ArrayList<>();
    for (String e : out) {
      String key = e.split("\\|", 3)[1];
      int n = seq.merge(key, 1, Integer::sum);
      keyed.add(key + "#" + String.format("%03d", n) + "#" + e);
    }
    keyed.sort(null);
    return keyed;
  }

  private <T> T inTenant(String tenant, java.util.function.Supplier<T> work) {
    return QuarkusTransaction.requiringNew()
        .call(
            () -> {
              tenants.bindTransaction(tenant);
              return work.get();
            });
  }

  private static IncomingEvent event(DomainEvent e) {
    return new IncomingEvent(
        UUID.randomUUID().toString(), e.type(), e.subject(), EventJson.write(e), null);
  }
}
