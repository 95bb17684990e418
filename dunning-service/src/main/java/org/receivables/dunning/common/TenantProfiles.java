package org.receivables.dunning.common;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import org.receivables.kit.jdbc.NamedRows;

/**
 * The creditor details printed on a tenant's reminders, and whether its e-mails attach the invoice
 * PDFs; the service's defaults fill any gap (PDFs: attached).
 */
@ApplicationScoped
public class TenantProfiles {

  @Inject EntityManager em;
  @Inject DunningConfig config;
  @Inject Clock clock;

  public TenantProfile get(String tenantId) {
    TenantProfile r =
        NamedRows.first(
                em.createNativeQuery(
                        "select creditor_name, address, iban, bic, contact_email, contact_phone,"
                            + " attach_invoice_pdf from tenant_profile"
                            + " where tenant_id = :t",
                        Tuple.class)
                    .setParameter("t", tenantId),
                TenantProfile.class)
            .orElse(new TenantProfile(null, null, null, null, null, null, null));
    DunningConfig.Creditor d = config.creditor();
    return new TenantProfile(
        or(r.creditorName(), d.name()),
        or(r.address(), d.address().orElse(null)),
        or(r.iban(), d.iban().orElse(null)),
        or(r.bic(), d.bic().orElse(null)),
        or(r.contactEmail(), d.email().orElse(null)),
        or(r.contactPhone(), d.phone().orElse(null)),
        r.attachesInvoicePdf());
  }

  @Transactional
  public TenantProfile put(String tenantId, TenantProfile p) {
    em.createNativeQuery(
            "insert into tenant_profile (tenant_id, creditor_name, address, iban, bic, contact_email, contact_phone,"
                + " attach_invoice_pdf, updated_at) values (:t, :n, :a, :i, :b, :e, :p, :pdf, :at) on conflict"
                + " (tenant_id) do update set attach_invoice_pdf = excluded.attach_invoice_pdf,"
                + " creditor_name = excluded.creditor_name, address = excluded.address, iban = excluded.iban,"
                + " bic = excluded.bic, contact_email = excluded.contact_email, contact_phone = excluded.contact_phone,"
                + " updated_at = excluded.updated_at")
        .setParameter("t", tenantId)
        .setParameter("n", p.creditorName())
        .setParameter("a", p.address())
        .setParameter("i", p.iban())
        .setParameter("b", p.bic())
        .setParameter("e", p.contactEmail())
        .setParameter("p", p.contactPhone())
        .setParameter("pdf", p.attachInvoicePdf())
        .setParameter("at", Instant.now(clock))
        .executeUpdate();
    return get(tenantId);
  }

  private static String or(String value, String fallback) {
    return value == null || value.isBlank() ? fallback : value;
  }
}
