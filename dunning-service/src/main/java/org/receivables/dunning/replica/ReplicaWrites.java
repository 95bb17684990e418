package org.receivables.dunning.replica;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import org.jboss.logging.Logger;
import org.receivables.events.CreditNoteIssued;
import org.receivables.events.CustomerRegistered;
import org.receivables.events.DisputeOpened;
import org.receivables.events.DisputeResolved;
import org.receivables.events.InvoiceCancelled;
import org.receivables.events.InvoiceDueDateChanged;
import org.receivables.events.InvoiceIssued;
import org.receivables.events.InvoiceWrittenOff;
import org.receivables.events.PaymentReceived;
import org.receivables.events.PaymentReversed;
import org.receivables.kit.replica.InvoiceReplica;

/**
 * The replica's writes, one per kind of fact: upserts keyed by the source's ids, so that a fact
 * applied again (a redelivery the inbox let through after a crash) changes nothing. Invoices live
 * in the kit's {@link InvoiceReplica}, written first, so that a fact about an invoice never seen
 * fails there with the kit's {@code UnknownInvoiceException} (dead letters) before anything else is
 * written; dunning keeps only its own columns beside it ({@code dunning_invoice}, dated movements).
 */
@ApplicationScoped
class ReplicaWrites {

  private static final Logger LOG = Logger.getLogger(ReplicaWrites.class);

  @Inject EntityManager em;
  @Inject Clock clock;
  @Inject InvoiceReplica invoices;

  /**
   * Inserts or updates the customer's contact facts; a null {@code doNotDun} keeps the known flag.
   * The credit hold is scoring's fact ({@link #risk}), never changed here.
   */
  void upsertCustomer(CustomerRegistered e, Boolean doNotDun) {
    em.createNativeQuery(
            "insert into dn_customer (tenant_id, customer_id, external_ref, name, country, currency, language, email,"
                + " phone, segment, do_not_dun, credit_hold, updated_at) values (:t, :c, :ref, :name, :country, :cur,"
                + " :lang, :email, :phone, :segment, coalesce(:dnd, false), false, :at)"
                + " on conflict (tenant_id, customer_id) do update set external_ref = excluded.external_ref,"
                + " name = excluded.name, country = excluded.country, currency = excluded.currency,"
                + " language = excluded.language, email = excluded.email, phone = excluded.phone,"
                + " segment = excluded.segment, do_not_dun = coalesce(:dnd, dn_customer.do_not_dun),"
                + " updated_at = excluded.updated_at")
        .setParameter("t", e.tenantId())
        .setParameter("c", e.customerId())
        .setParameter("ref", e.externalRef())
        .setParameter("name", e.name())
        .setParameter("country", e.country())
        .setParameter("cur", e.currency())
        .setParameter("lang", e.language())
        .setParameter("email", e.email())
        .setParameter("phone", e.phone())
        .setParameter("segment", e.segment())
        .setParameter("dnd", doNotDun)
        .setParameter("at", Instant.now(clock))
        .executeUpdate();
  }

  /** Records the invoice in the kit's replica, and its payment reference in dunning's table. */
  void onIssued(InvoiceIssued e) {
    if (invoices.apply(e).isEmpty()) {
      LOG.warnf("Invoice %s issued twice under different event ids; kept the first", e.invoiceId());
      return;
    }
    if (e.paymentReference() != null) {
      em.createNativeQuery(
              "insert into dunning_invoice (tenant_id, invoice_id, payment_reference)"
                  + " values (:t, :i, :ref) on conflict do nothing")
          .setParameter("t", e.tenantId())
          .setParameter("i", e.invoiceId())
          .setParameter("ref", e.paymentReference())
          .executeUpdate();
    }
  }

  void onPayment(PaymentReceived e, String eventId) {
    invoices.apply(e);
    movement(
        eventId,
        e.tenantId(),
        e.invoiceId(),
        "PAYMENT",
        e.receivedOn(),
        e.amount().add(ReplicaProjection.orZero(e.discountGranted())));
  }

  void onReversal(PaymentReversed e, String eventId) {
    invoices.apply(e);
    movement(eventId, e.tenantId(), e.invoiceId(), "REVERSAL", e.reversedOn(), e.amount().negate());
  }

  void onCreditNote(CreditNoteIssued e, String eventId) {
    invoices.apply(e);
    movement(eventId, e.tenantId(), e.invoiceId(), "CREDIT_NOTE", e.issuedOn(), e.amount());
  }

  void onCancelled(InvoiceCancelled e) {
    invoices.apply(e);
  }

  void onWrittenOff(InvoiceWrittenOff e) {
    invoices.apply(e);
  }

  void onDueDate(InvoiceDueDateChanged e) {
    invoices.apply(e);
  }

  /** Marks the invoice disputed; returns its number, for the timeline. */
  String onDisputeOpened(DisputeOpened e) {
    return invoices.apply(e).number();
  }

  String onDisputeResolved(DisputeResolved e) {
    return invoices.apply(e).number();
  }

  /** A dated change of the principal; the invoice is known (its replica write came first). */
  private void movement(
      String eventId,
      String tenant,
      String invoiceId,
      String kind,
      LocalDate on,
      BigDecimal amount) {
    em.createNativeQuery(
            "insert into dn_invoice_movement (tenant_id, event_id, invoice_id, kind, on_date, amount)"
                + " values (:t, :e, :i, :k, :on, :a) on conflict do nothing")
        .setParameter("t", tenant)
        .setParameter("e", eventId)
        .setParameter("i", invoiceId)
        .setParameter("k", kind)
        .setParameter("on", on)
        .setParameter("a", amount)
        .executeUpdate();
  }

  void risk(
      String tenant,
      String customer,
      Integer score,
      String riskClass,
      BigDecimal pd,
      Boolean hold) {
    em.createNativeQuery(
            "insert into dn_customer_risk (tenant_id, customer_id, score, risk_class, probability_of_default,"
                + " credit_hold, updated_at) values (:t, :c, :s, :r, :pd, :h, :at) on conflict (tenant_id, customer_id)"
                + " do update set score = coalesce(:s, dn_customer_risk.score),"
                + " risk_class = coalesce(:r, dn_customer_risk.risk_class),"
                + " probability_of_default = coalesce(:pd, dn_customer_risk.probability_of_default),"
                + " credit_hold = coalesce(:h, dn_customer_risk.credit_hold), updated_at = excluded.updated_at")
        .setParameter("t", tenant)
        .setParameter("c", customer)
        .setParameter("s", score)
        .setParameter("r", riskClass)
        .setParameter("pd", pd)
        .setParameter("h", hold)
        .setParameter("at", Instant.now(clock))
        .executeUpdate();
  }
}
