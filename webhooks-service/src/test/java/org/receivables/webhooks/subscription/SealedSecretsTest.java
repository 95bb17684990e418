package org.receivables.webhooks.subscription;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.receivables.kit.jdbc.Columns;
import org.receivables.kit.jdbc.NamedRows;
import org.receivables.kit.tenant.TenantScope;
import org.receivables.kit.testing.TestTokens;
import org.receivables.webhooks.Subscriptions;
import org.receivables.webhooks.delivery.Signatures;

/**
 * Signing secrets at rest on real PostgreSQL: the database holds them sealed, the current and the
 * rotated one alike; a row written before sealing is sealed at start-up; no clear secret can be
 * written any more. (That deliveries still verify with the secret as shown is WebhooksApiTest's.)
 */
@QuarkusTest
class SealedSecretsTest {

  @Inject EntityManager em;
  @Inject SubscriptionSecrets secrets;
  @Inject SecretSealing sealing;
  @Inject TenantScope tenants;

  @Test
  void theDatabaseHoldsNoSecretInClearAfterCreationOrRotation() {
    String tenant = TestTokens.freshTenant();
    var created = Subscriptions.subscribe(tenant, "http://127.0.0.1:9/x", "invoice.issued");
    UUID id = UUID.fromString(created.getString("id"));
    String first = created.getString("secret");
    String second = Subscriptions.rotate(tenant, "erp", id.toString());

    Secrets row = columns(tenant, id);

    assertThat(first).startsWith(Signatures.PREFIX);
    for (String column : List.of(row.secret(), row.previousSecret())) {
      assertThat(column)
          .startsWith(SecretCipher.PREFIX)
          .doesNotContain(first.substring(Signatures.PREFIX.length()))
          .doesNotContain(second.substring(Signatures.PREFIX.length()));
    }
    assertThat(secrets.open(row.secret(), id)).isEqualTo(second);
    assertThat(secrets.open(row.previousSecret(), id)).isEqualTo(first);
  }

  @Test
  void aRowWrittenBeforeSealingIsSealedAtStartUpAndNoClearOneCanBeWrittenAgain() {
    String tenant = TestTokens.freshTenant();
    tenants.register(tenant);
    UUID id = UUID.randomUUID();
    String current = Signatures.newSecret();
    String previous = Signatures.newSecret();
    unbound(
        () ->
            em.createNativeQuery(
                    "alter table webhook_subscription drop constraint"
                        + " webhook_subscription_secrets_sealed")
                .executeUpdate());
    try {
      inTenant(tenant, () -> insertClear(tenant, id, current, previous));
    } finally {
      unbound(
          () ->
              em.createNativeQuery(
                      "alter table webhook_subscription add constraint"
                          + " webhook_subscription_secrets_sealed check (secret like 'aesgcm1:%'"
                          + " and (previous_secret is null or previous_secret like 'aesgcm1:%'))"
                          + " not valid")
                  .executeUpdate());
    }

    sealing.sealAtStart(null);

    Secrets row = columns(tenant, id);
    assertThat(secrets.open(row.secret(), id)).isEqualTo(current);
    assertThat(secrets.open(row.previousSecret(), id)).isEqualTo(previous);
    boolean refused;
    try {
      inTenant(
          tenant,
          () ->
              em.createNativeQuery("update webhook_subscription set secret = :s where id = :id")
                  .setParameter("s", current)
                  .setParameter("id", id)
                  .executeUpdate());
      refused = false;
    } catch (RuntimeException e) {
      refused = true;
    }
    assertThat(refused).as("a clear secret is refused by the database").isTrue();
    inTenant(
        tenant,
        () ->
            em.createNativeQuery("delete from webhook_subscription where id = :id")
                .setParameter("id", id)
                .executeUpdate());
  }

  private int insertClear(String tenant, UUID id, String current, String previous) {
    Instant now = Instant.now();
    return em.createNativeQuery(
            "insert into webhook_subscription (id, tenant_id, url, event_types, enabled, secret,"
                + " previous_secret, previous_expires_at, created_at, updated_at, version) values"
                + " (:id, :t, 'http://127.0.0.1:9/old', '{invoice.issued}', false, :s, :p, :at,"
                + " :at, :at, 0)")
        .setParameter("id", id)
        .setParameter("t", tenant)
        .setParameter("s", current)
        .setParameter("p", previous)
        .setParameter("at", now)
        .executeUpdate();
  }

  /** A subscription's secrets as stored. */
  private record Secrets(String secret, String previousSecret) {}

  private Secrets columns(String tenant, UUID id) {
    return inTenant(
        tenant,
        () ->
            NamedRows.single(
                em.createNativeQuery(
                        "select secret, previous_secret from webhook_subscription where id = :id",
                        Tuple.class)
                    .setParameter("id", id),
                Secrets.class,
                Columns.Nulls.FAIL));
  }

  private static <T> T inTenant(String tenant, Supplier<T> work) {
    return TenantScope.call(tenant, () -> QuarkusTransaction.requiringNew().call(work::get));
  }

  private static void unbound(Supplier<Integer> work) {
    QuarkusTransaction.requiringNew().call(work::get);
  }
}
