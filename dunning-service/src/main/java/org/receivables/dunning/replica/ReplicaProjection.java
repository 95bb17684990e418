package org.receivables.dunning.replica;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.jboss.logging.Logger;
import org.receivables.dunning.commitment.CommitmentService;
import org.receivables.dunning.timeline.Timeline;
import org.receivables.events.CreditHoldChanged;
import org.receivables.events.CreditNoteIssued;
import org.receivables.events.CustomerPersonalDataErased;
import org.receivables.events.CustomerRegistered;
import org.receivables.events.CustomerUpdated;
import org.receivables.events.DisputeOpened;
import org.receivables.events.DisputeResolved;
import org.receivables.events.DomainEvent;
import org.receivables.events.InvoiceCancelled;
import org.receivables.events.InvoiceDueDateChanged;
import org.receivables.events.InvoiceIssued;
import org.receivables.events.InvoiceWrittenOff;
import org.receivables.events.PaymentReceived;
import org.receivables.events.PaymentReversed;
import org.receivables.events.ScoreChanged;
import org.receivables.kit.inbox.Inbox;
import org.receivables.kit.inbox.IncomingEvent;
import org.receivables.kit.tenant.TenantScope;

/**
 * Keeps this service's copy of the customers, open invoices and risk classes it chases, from events
 * only (dunning never calls invoicing or scoring). Each event is applied at most once: its id goes
 * into the inbox in the same transaction as the change. A payment also settles promises and plans
 * it fulfils. Each event is applied bound to its tenant (row-level security), as a request would
 * be.
 */
@ApplicationScoped
public class ReplicaProjection {

  private static final Logger LOG = Logger.getLogger(ReplicaProjection.class);

  @Inject EntityManager em;
  @Inject Inbox inbox;
  @Inject Clock clock;
  @Inject Timeline timeline;
  @Inject CommitmentService commitments;
  @Inject PersonalDataErasure erasure;
  @Inject TenantScope tenants;

  @Transactional
  public void apply(String consumer, IncomingEvent event) {
    applyInTransaction(consumer, event);
  }

  /** Applies a polled batch in one transaction: all of it, or (by throwing) none of it. */
  @Transactional
  public void applyAll(String consumer, List<IncomingEvent> events) {
    events.forEach(e -> e.inItsTrace(() -> applyInTransaction(consumer, e)));
  }

  private void applyInTransaction(String consumer, IncomingEvent event) {
    if (!event.isKnown()) {
      LOG.debugf("Skipping event type %s, not one of the contract", event.type());
      return;
    }
    DomainEvent data = event.read();
    if (data.tenantId() == null || data.tenantId().isBlank() || data.customerId() == null) {
      throw new IllegalArgumentException("event " + event.id() + " names no tenant or customer");
    }
    tenants.bindTransaction(data.tenantId());
    if (!inbox.firstDelivery(consumer, event.id())) {
      return;
    }
    if (data instanceof CustomerRegistered e) {
      upsertCustomer(
          e.tenantId(),
          e.customerId(),
          e.externalRef(),
          e.name(),
          e.country(),
          e.currency(),
          e.language(),
          e.email(),
          e.phone(),
          e.segment(),
          null,
          null);
    } else if (data instanceof CustomerUpdated e) {
      upsertCustomer(
          e.tenantId(),
          e.customerId(),
          e.externalRef(),
          e.name(),
          e.country(),
          e.currency(),
          e.language(),
          e.email(),
          e.phone(),
          e.segment(),
          e.doNotDun(),
          null); // the hold is scoring's fact (CreditHoldChanged), no longer echoed here
    } else if (data instanceof CustomerPersonalDataErased e) {
      erasure.apply(e);
    } else if (data instanceof InvoiceIssued e) {
      onIssued(e);
    } else if (data instanceof PaymentReceived e) {
      movement(
          event.id(),
          e.tenantId(),
          e.invoiceId(),
          "PAYMENT",
          e.receivedOn(),
          e.amount().add(orZero(e.discountGranted())));
      balance(e.tenantId(), e.invoiceId(), e.outstanding(), e.status());
      commitments.onPayment(e.tenantId(), e.customerId(), e.receivedOn());
    } else if (data instanceof PaymentReversed e) {
      movement(
          event.id(), e.tenantId(), e.invoiceId(), "REVERSAL", e.reversedOn(), e.amount().negate());
      balance(e.tenantId(), e.invoiceId(), e.outstanding(), e.status());
    } else if (data instanceof CreditNoteIssued e) {
      movement(event.id(), e.tenantId(), e.invoiceId(), "CREDIT_NOTE", e.issuedOn(), e.amount());
      balance(e.tenantId(), e.invoiceId(), e.outstanding(), e.status());
      commitments.onPayment(e.tenantId(), e.customerId(), e.issuedOn());
    } else if (data instanceof InvoiceCancelled e) {
      balance(e.tenantId(), e.invoiceId(), BigDecimal.ZERO, "CANCELLED");
      commitments.onPayment(e.tenantId(), e.customerId(), e.cancelledOn());
    } else if (data instanceof InvoiceWrittenOff e) {
      balance(e.tenantId(), e.invoiceId(), orZero(e.outstanding()), "WRITTEN_OFF");
    } else if (data instanceof InvoiceDueDateChanged e) {
      require(
          em.createNativeQuery(
                  "update dn_invoice set due_date = :d, updated_at = :at where tenant_id = :t and invoice_id = :i")
              .setParameter("d", e.dueDate())
              .setParameter("at", Instant.now(clock))
              .setParameter("t", e.tenantId())
              .setParameter("i", e.invoiceId())
              .executeUpdate(),
          e.invoiceId());
    } else if (data instanceof DisputeOpened e) {
      disputed(e.tenantId(), e.invoiceId(), true);
      timeline.record(
          e.tenantId(),
          e.customerId(),
          "DISPUTE_OPENED",
          "invoicing",
          "Dispute opened on invoice " + number(e.tenantId(), e.invoiceId()) + ": " + e.reason(),
          e.disputeId(),
          e.openedOn());
    } else if (data instanceof DisputeResolved e) {
      disputed(e.tenantId(), e.invoiceId(), false);
      timeline.record(
          e.tenantId(),
          e.customerId(),
          "DISPUTE_RESOLVED",
          "invoicing",
          "Dispute on invoice " + number(e.tenantId(), e.invoiceId()) + " resolved: " + e.outcome(),
          e.disputeId(),
          e.resolvedOn());
    } else if (data instanceof ScoreChanged e) {
      risk(e.tenantId(), e.customerId(), e.score(), e.riskClass(), e.probabilityOfDefault(), null);
    } else if (data instanceof CreditHoldChanged e) {
      risk(e.tenantId(), e.customerId(), null, null, null, e.onHold());
    } else {
      LOG.debugf("Dunning does not use %s", data.type());
    }
  }

  private void upsertCustomer(
      String tenant,
      String customer,
      String externalRef,
      String name,
      String country,
      String currency,
      String language,
      String email,
      String phone,
      String segment,
      Boolean doNotDun,
      Boolean creditHold) {
    em.createNativeQuery(
            "insert into dn_customer (tenant_id, customer_id, external_ref, name, country, currency, language, email,"
                + " phone, segment, do_not_dun, credit_hold, updated_at) values (:t, :c, :ref, :name, :country, :cur,"
                + " :lang, :email, :phone, :segment, coalesce(:dnd, false), coalesce(:hold, false), :at)"
                + " on conflict (tenant_id, customer_id) do update set external_ref = excluded.external_ref,"
                + " name = excluded.name, country = excluded.country, currency = excluded.currency,"
                + " language = excluded.language, email = excluded.email, phone = excluded.phone,"
                + " segment = excluded.segment, do_not_dun = coalesce(:dnd, dn_customer.do_not_dun),"
                + " credit_hold = coalesce(:hold, dn_customer.credit_hold), updated_at = excluded.updated_at")
        .setParameter("t", tenant)
        .setParameter("c", customer)
        .setParameter("ref", externalRef)
        .setParameter("name", name)
        .setParameter("country", country)
        .setParameter("cur", currency)
        .setParameter("lang", language)
        .setParameter("email", email)
        .setParameter("phone", phone)
        .setParameter("segment", segment)
        .setParameter("dnd", doNotDun)
        .setParameter("hold", creditHold)
        .setParameter("at", Instant.now(clock))
        .executeUpdate();
  }

  private void onIssued(InvoiceIssued e) {
    if (e.invoiceId() == null
        || e.number() == null
        || e.dueDate() == null
        || e.issueDate() == null
        || e.currency() == null
        || e.totalInclTax() == null) {
      throw new IllegalArgumentException(
          "InvoiceIssued " + e.invoiceId() + " lacks a required field");
    }
    int inserted =
        em.createNativeQuery(
                "insert into dn_invoice (tenant_id, invoice_id, customer_id, number, currency, issue_date, due_date,"
                    + " total_incl_tax, outstanding, status, disputed, updated_at) values (:t, :i, :c, :n, :cur,"
                    + " :issue, :due, :total, :out, 'OPEN', false, :at) on conflict do nothing")
            .setParameter("t", e.tenantId())
            .setParameter("i", e.invoiceId())
            .setParameter("c", e.customerId())
            .setParameter("n", e.number())
            .setParameter("cur", e.currency())
            .setParameter("issue", e.issueDate())
            .setParameter("due", e.dueDate())
            .setParameter("total", e.totalInclTax())
            .setParameter("out", e.outstanding() == null ? e.totalInclTax() : e.outstanding())
            .setParameter("at", Instant.now(clock))
            .executeUpdate();
    if (inserted == 0) {
      LOG.warnf("Invoice %s issued twice under different event ids; kept the first", e.invoiceId());
    }
  }

  private void movement(
      String eventId,
      String tenant,
      String invoiceId,
      String kind,
      LocalDate on,
      BigDecimal amount) {
    known(tenant, invoiceId);
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

  private void balance(String tenant, String invoiceId, BigDecimal outstanding, String status) {
    require(
        em.createNativeQuery(
                "update dn_invoice set outstanding = :o, status = coalesce(:s, status), updated_at = :at"
                    + " where tenant_id = :t and invoice_id = :i")
            .setParameter("o", outstanding == null ? BigDecimal.ZERO : outstanding)
            .setParameter("s", status)
            .setParameter("at", Instant.now(clock))
            .setParameter("t", tenant)
            .setParameter("i", invoiceId)
            .executeUpdate(),
        invoiceId);
  }

  private void disputed(String tenant, String invoiceId, boolean disputed) {
    require(
        em.createNativeQuery(
                "update dn_invoice set disputed = :d, updated_at = :at where tenant_id = :t and invoice_id = :i")
            .setParameter("d", disputed)
            .setParameter("at", Instant.now(clock))
            .setParameter("t", tenant)
            .setParameter("i", invoiceId)
            .executeUpdate(),
        invoiceId);
  }

  private void risk(
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

  private void known(String tenant, String invoiceId) {
    Number n =
        (Number)
            em.createNativeQuery(
                    "select count(*) from dn_invoice where tenant_id = :t and invoice_id = :i")
                .setParameter("t", tenant)
                .setParameter("i", invoiceId)
                .getSingleResult();
    if (n.intValue() == 0) {
      throw new UnknownReferenceException("invoice", invoiceId);
    }
  }

  private String number(String tenant, String invoiceId) {
    return (String)
        em.createNativeQuery(
                "select number from dn_invoice where tenant_id = :t and invoice_id = :i")
            .setParameter("t", tenant)
            .setParameter("i", invoiceId)
            .getResultStream()
            .findFirst()
            .orElse(invoiceId);
  }

  private static void require(int updated, String invoiceId) {
    if (updated == 0) {
      throw new UnknownReferenceException("invoice", invoiceId);
    }
  }

  private static BigDecimal orZero(BigDecimal v) {
    return v == null ? BigDecimal.ZERO : v;
  }
}
