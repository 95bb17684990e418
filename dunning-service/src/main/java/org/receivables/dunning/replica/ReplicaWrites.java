package org.receivables.dunning.replica;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import org.jboss.logging.Logger;
import org.receivables.dunning.common.Rows;
import org.receivables.events.InvoiceDueDateChanged;
import org.receivables.events.InvoiceIssued;

/**
 * The replica's writes, one per kind of fact: upserts keyed by the source's ids, so that a fact
 * applied again (a redelivery the inbox let through after a crash) changes nothing. A fact about an
 * invoice never seen fails with {@link UnknownReferenceException} and goes to the dead letters.
 */
@ApplicationScoped
class ReplicaWrites {

  private static final Logger LOG = Logger.getLogger(ReplicaWrites.class);

  @Inject EntityManager em;
  @Inject Clock clock;

  void upsertCustomer(
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

  void onIssued(InvoiceIssued e) {
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
                    + " total_incl_tax, outstanding, status, disputed, payment_reference, updated_at) values (:t, :i,"
                    + " :c, :n, :cur, :issue, :due, :total, :out, 'OPEN', false, :ref, :at)"
                    + " on conflict do nothing")
            .setParameter("t", e.tenantId())
            .setParameter("i", e.invoiceId())
            .setParameter("c", e.customerId())
            .setParameter("n", e.number())
            .setParameter("cur", e.currency())
            .setParameter("issue", e.issueDate())
            .setParameter("due", e.dueDate())
            .setParameter("total", e.totalInclTax())
            .setParameter("out", e.outstanding() == null ? e.totalInclTax() : e.outstanding())
            .setParameter("ref", e.paymentReference())
            .setParameter("at", Instant.now(clock))
            .executeUpdate();
    if (inserted == 0) {
      LOG.warnf("Invoice %s issued twice under different event ids; kept the first", e.invoiceId());
    }
  }

  void movement(
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

  void balance(String tenant, String invoiceId, BigDecimal outstanding, String status) {
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

  void disputed(String tenant, String invoiceId, boolean disputed) {
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

  void known(String tenant, String invoiceId) {
    long n =
        Rows.number(
            em.createNativeQuery(
                    "select count(*) from dn_invoice where tenant_id = :t and invoice_id = :i")
                .setParameter("t", tenant)
                .setParameter("i", invoiceId));
    if (n == 0) {
      throw new UnknownReferenceException("invoice", invoiceId);
    }
  }

  String number(String tenant, String invoiceId) {
    return Rows.column(
            em.createNativeQuery(
                    "select number from dn_invoice where tenant_id = :t and invoice_id = :i")
                .setParameter("t", tenant)
                .setParameter("i", invoiceId),
            String.class)
        .stream()
        .findFirst()
        .orElse(invoiceId);
  }

  void dueDate(InvoiceDueDateChanged e) {
    require(
        em.createNativeQuery(
                "update dn_invoice set due_date = :d, updated_at = :at where tenant_id = :t and invoice_id = :i")
            .setParameter("d", e.dueDate())
            .setParameter("at", Instant.now(clock))
            .setParameter("t", e.tenantId())
            .setParameter("i", e.invoiceId())
            .executeUpdate(),
        e.invoiceId());
  }

  static void require(int updated, String invoiceId) {
    if (updated == 0) {
      throw new UnknownReferenceException("invoice", invoiceId);
    }
  }

  static BigDecimal orZero(BigDecimal v) {
    return v == null ? BigDecimal.ZERO : v;
  }
}
