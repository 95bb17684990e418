package org.receivables.dunning.run;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.persistence.EntityManager;
import java.util.Map;
import org.receivables.kit.tenant.TenantScope;

/** Tests' direct SQL, as a crash or an earlier version would leave the rows. */
final class TenantSql {

  private TenantSql() {}

  /** A statement bound to {@code tenant}, committed at once. */
  static void run(EntityManager em, String tenant, String statement, Map<String, Object> params) {
    TenantScope.run(
        tenant,
        () ->
            QuarkusTransaction.requiringNew()
                .run(
                    () -> {
                      var q = em.createNativeQuery(statement);
                      params.forEach(q::setParameter);
                      q.executeUpdate();
                    }));
  }
}
