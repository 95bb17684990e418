package org.receivables.dunning.common;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/** The creditor details printed on a tenant's reminders; the service's defaults fill any gap. */
@ApplicationScoped
public class TenantProfiles {

  @Inject EntityManager em;
  @Inject DunningConfig config;
  @Inject Clock clock;

  @SuppressWarnings("unchecked")
  public TenantProfile get(String tenantId) {
    List<Object[]> rows =
        em.createNativeQuery(
                "select creditor_name, address, iban, bic, contact_email, contact_phone from tenant_profile"
                    + " where tenant_id = :t")
            .setParameter("t", tenantId)
            .getResultList();
    DunningConfig.Creditor d = config.creditor();
    Object[] r = rows.isEmpty() ? new Object[6] : rows.get(0);
    return new TenantProfile(
        or((String) r[0], d.name()),
        or((String) r[1], d.address().orElse(null)),
        or((String) r[2], d.iban().orElse(null)),
        or((String) r[3], d.bic().orElse(null)),
        or((String) r[4], d.email().orElse(null)),
        or((String) r[5], d.phone().orElse(null)));
  }

  @Transactional
  public TenantProfile put(String tenantId, TenantProfile p) {
    em.createNativeQuery(
            "insert into tenant_profile (tenant_id, creditor_name, address, iban, bic, contact_email, contact_phone,"
                + " updated_at) values (:t, :n, :a, :i, :b, :e, :p, :at) on conflict (tenant_id) do update set"
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
        .setParameter("at", Instant.now(clock))
        .executeUpdate();
    return get(tenantId);
  }

  private static String or(String value, String fallback) {
    return value == null || value.isBlank() ? fallback : value;
  }
}
