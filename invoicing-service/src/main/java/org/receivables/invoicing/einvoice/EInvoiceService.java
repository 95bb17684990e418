package org.receivables.invoicing.einvoice;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.receivables.invoicing.cash.AccountCredits;
import org.receivables.invoicing.creditnote.CreditNote;
import org.receivables.invoicing.creditnote.CreditNoteService;
import org.receivables.invoicing.customer.Customer;
import org.receivables.invoicing.einvoice.EInvoiceDocument.Kind;
import org.receivables.invoicing.einvoice.ledger.BuyerMatcher;
import org.receivables.invoicing.einvoice.ledger.LedgerInvoice;
import org.receivables.invoicing.einvoice.ledger.SellerKey;
import org.receivables.invoicing.einvoice.ledger.UnappliedCredit;
import org.receivables.invoicing.einvoice.lifecycle.LifecycleStatusService;
import org.receivables.invoicing.einvoice.read.EDocument;
import org.receivables.invoicing.einvoice.read.Intake;
import org.receivables.invoicing.invoice.Invoice;
import org.receivables.invoicing.invoice.InvoiceService;
import org.receivables.kit.problem.ProblemException;

/**
 * Records a validated e-invoice in the ledger through the invoice and credit-note services (so the
 * same events, audit entries and rules apply as for JSON), and keeps the original bytes. Seller +
 * number is the idempotency key: the same bytes again return what was recorded, other bytes 409.
 */
@ApplicationScoped
public class EInvoiceService {

  /**
   * What a submission became; {@code replayed} when it had been received before; {@code issued} the
   * invoice it has just issued (null otherwise), as written, so the answer is built without reading
   * it back.
   */
  public record Outcome(EInvoiceDocument document, boolean replayed, Invoice issued) {}

  private static final int LOCK_NAMESPACE = 1_400_014;

  @Inject EntityManager em;
  @Inject InvoiceService invoices;
  @Inject CreditNoteService creditNotes;
  @Inject BuyerMatcher buyers;
  @Inject SellerPolicy sellers;
  @Inject UnappliedCredit unappliedCredit;
  @Inject AccountCredits accountCredits;
  @Inject ObjectMapper json;
  @Inject Clock clock;
  @Inject LifecycleStatusService lifecycle;

  @Transactional
  public Outcome record(String tenantId, Intake.Received received) {
    EDocument d = received.document();
    sellers.check(tenantId, d.seller());
    String sellerKey = SellerKey.of(d.seller());
    String sha256 = sha256(received.original());
    lock(tenantId + '\n' + sellerKey + '\n' + d.number(), BuyerMatcher.lockKey(tenantId, d));
    Optional<EInvoiceDocument> earlier = find(tenantId, sellerKey, d.number());
    if (earlier.isPresent()) {
      if (earlier.get().sha256.equals(sha256)) {
        return new Outcome(earlier.get(), true, null);
      }
      throw ProblemException.conflict(
          "Document "
              + d.number()
              + " of this seller was already received with other content; a correction is a"
              + " credit note or a new number");
    }
    Invoice issued = null;
    EInvoiceDocument doc = new EInvoiceDocument();
    doc.id = UUID.randomUUID();
    doc.tenantId = tenantId;
    doc.sellerKey = sellerKey;
    doc.number = d.number();
    doc.syntax = d.syntax().name();
    doc.mediaType = received.mediaType();
    doc.content = received.original();
    doc.sha256 = sha256;
    doc.facts = facts(d);
    doc.createdAt = Instant.now(clock);
    if (d.creditNote()) {
      doc.kind = Kind.CREDIT_NOTE;
      Optional<Invoice> target = creditedInvoice(tenantId, d);
      if (target.isPresent()) {
        CreditNote note = credit(tenantId, target.get(), d);
        doc.invoiceId = note.invoiceId;
        doc.creditNoteId = note.id;
      } else {
        Customer customer = buyers.match(tenantId, d);
        doc.customerId = customer.id;
        doc.accountCreditId = unappliedCredit.book(tenantId, customer, d);
      }
    } else {
      Customer customer = buyers.match(tenantId, d);
      Invoice invoice = LedgerInvoice.of(tenantId, customer, d, doc.createdAt);
      // a number the ledger already uses is refused by its unique key: 409, as a look-up first
      // would answer, without the look-up's round trip
      invoices.persistIssued(List.of(invoice));
      // a document that arrived paid (BT-113, nothing left in BT-115) was collected before it
      lifecycle.settled(invoice, invoice.issueDate, "paid before issue (BT-113)");
      doc.kind = Kind.INVOICE;
      doc.invoiceId = invoice.id;
      issued = invoice;
    }
    doc.persist();
    try {
      em.flush();
    } catch (PersistenceException e) {
      // the same seller and number recorded concurrently
      throw ProblemException.conflict(
          "Document " + d.number() + " of this seller was just received");
    }
    return new Outcome(doc, false, issued);
  }

  /**
   * Takes the document's advisory lock and, when the buyer has an identifier, the buyer's (see
   * {@link BuyerMatcher#lockKey}), in one statement: one round trip instead of two, in the same
   * order as ever (document first; PostgreSQL evaluates a select list left to right). Concurrent
   * submissions of one document queue here, so the second finds the first (200) instead of
   * colliding with it on the unique key (409). The duplicate check stays a statement of its own,
   * after the lock: a statement's snapshot is taken when it starts, so a check in the locking
   * statement would not see a document committed while it waited.
   */
  private void lock(String documentKey, Optional<String> buyerKey) {
    if (buyerKey.isEmpty()) {
      em.createNativeQuery("select pg_advisory_xact_lock(:ns, hashtext(:key))")
          .setParameter("ns", LOCK_NAMESPACE)
          .setParameter("key", documentKey)
          .getSingleResult();
      return;
    }
    em.createNativeQuery(
            "select pg_advisory_xact_lock(:ns, hashtext(:key)), pg_advisory_xact_lock(:buyerNs,"
                + " hashtext(:buyerKey))")
        .setParameter("ns", LOCK_NAMESPACE)
        .setParameter("key", documentKey)
        .setParameter("buyerNs", BuyerMatcher.LOCK_NAMESPACE)
        .setParameter("buyerKey", buyerKey.get())
        .getSingleResult();
  }

  /**
   * The invoice a credit note names (BT-25), if the tenant has it; a credit note naming none is
   * refused, one naming an unknown invoice becomes an unapplied credit on the buyer's account.
   */
  private Optional<Invoice> creditedInvoice(String tenantId, EDocument d) {
    if (d.precedingInvoice() == null) {
      throw EInvoiceRejection.rule(
          "SUITE-CN-1",
          "a credit note must name the invoice it credits (BT-25, preceding invoice reference)",
          "BG-3");
    }
    return Invoice.<Invoice>find("tenantId = ?1 and number = ?2", tenantId, d.precedingInvoice())
        .firstResultOptional();
  }

  private CreditNote credit(String tenantId, Invoice target, EDocument d) {
    Invoice invoice = invoices.lock(tenantId, target.id);
    if (!invoice.currency.equals(d.currency())) {
      throw EInvoiceRejection.rule(
          "SUITE-CN-3",
          "the credit note is in " + d.currency() + ", its invoice in " + invoice.currency,
          "BT-5");
    }
    LedgerInvoice.requireMinorUnitsOf(d.currency(), "BT-115", d.totals().payable());
    String reason = UnappliedCredit.reason(d);
    return creditNotes.issueLocked(
        invoice, d.number(), d.totals().payable(), d.issueDate(), reason, null, "BT-115");
  }

  public Optional<EInvoiceDocument> find(String tenantId, String sellerKey, String number) {
    return EInvoiceDocument.<EInvoiceDocument>find(
            "tenantId = ?1 and sellerKey = ?2 and number = ?3", tenantId, sellerKey, number)
        .firstResultOptional();
  }

  /** The document an invoice was created from, if it was created from one. */
  public Optional<EInvoiceDocument> sourceOf(String tenantId, UUID invoiceId) {
    return EInvoiceDocument.<EInvoiceDocument>find(
            "tenantId = ?1 and invoiceId = ?2 and kind = ?3", tenantId, invoiceId, Kind.INVOICE)
        .firstResultOptional();
  }

  /** The account credit an unapplied credit note left, as it stands now. */
  public EInvoiceView.AccountCredit accountCreditOf(EInvoiceDocument doc) {
    AccountCredits.Credit c =
        accountCredits.list(doc.tenantId, doc.customerId).stream()
            .filter(credit -> credit.id().equals(doc.accountCreditId))
            .findFirst()
            .orElseThrow(
                () -> new IllegalStateException("account credit of " + doc.id + " is gone"));
    return new EInvoiceView.AccountCredit(
        c.id(), c.customerId(), c.currency(), c.amount(), c.remaining(), c.receivedOn());
  }

  public DocumentFacts factsOf(EInvoiceDocument doc) {
    try {
      return json.readValue(doc.facts, DocumentFacts.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored facts of " + doc.id + " are unreadable", e);
    }
  }

  private String facts(EDocument d) {
    try {
      return json.writeValueAsString(DocumentFacts.of(d));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
