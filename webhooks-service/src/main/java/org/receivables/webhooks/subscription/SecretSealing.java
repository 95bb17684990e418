package org.receivables.webhooks.subscription;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.receivables.kit.jdbc.NamedRows;
import org.receivables.kit.tenant.TenantScope;

/**
 * Seals the secrets that rows written before sealing still hold in clear (Flyway {@code
 * V3__sealed_secrets.sql}), the grace period's previous ones included, at start-up and before the
 * delivery worker starts: a migration cannot, the key being configuration. Tenant by tenant as
 * listed in {@code service_tenant} (every subscription's tenant is registered there when it is
 * created), each bound, since row-level security hides every row from unbound work. Replicas
 * starting together lock the rows they seal, and a row sealed meanwhile is left as it is. Costs one
 * short query per tenant once all is sealed.
 */
@ApplicationScoped
public class SecretSealing {

  private static final Logger LOG = Logger.getLogger(SecretSealing.class);

  private record Clear(UUID id, String secret, String previousSecret) {}

  @Inject EntityManager em;
  @Inject SubscriptionSecrets secrets;

  /** Before the worker's (default priority) observer: it must only ever read sealed secrets. */
  void sealAtStart(@Observes @Priority(1000) StartupEvent event) {
    List<String> tenants =
        QuarkusTransaction.requiringNew()
            .call(
                () ->
                    NamedRows.column(
                        em.createNativeQuery("select tenant from service_tenant order by tenant"),
                        String.class));
    int sealed = 0;
    for (String tenant : tenants) {
      sealed += TenantScope.call(tenant, () -> QuarkusTransaction.requiringNew().call(this::seal));
    }
    if (sealed > 0) {
      LOG.infof("Sealed the clear signing secrets of %d webhook subscriptions", sealed);
    }
  }

  /** Seals the bound tenant's clear rows; answers how many. */
  int seal() {
    List<Clear> rows =
        NamedRows.list(
            em.createNativeQuery(
                "select id, secret, previous_secret from webhook_subscription where secret not"
                    + " like 'aesgcm1:%' or previous_secret not like 'aesgcm1:%' for update",
                Tuple.class),
            Clear.class);
    for (Clear row : rows) {
      boolean previous = row.previousSecret() != null;
      var update =
          em.createNativeQuery(
                  "update webhook_subscription set secret = :s"
                      + (previous ? ", previous_secret = :p" : "")
                      + " where id = :id")
              .setParameter("s", secrets.sealed(row.secret(), row.id()))
              .setParameter("id", row.id());
      if (previous) {
        update.setParameter("p", secrets.sealed(row.previousSecret(), row.id()));
      }
      update.executeUpdate();
    }
    return rows.size();
  }
}
