package org.receivables.dunning.policy;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The stored versions of a tenant's policies; each query fetches the steps with the versions. */
@ApplicationScoped
public class PolicyRepository implements PanacheRepositoryBase<PolicyVersion, PolicyVersion.Key> {

  private static final String WITH_STEPS =
      "select p from PolicyVersion p left join fetch p.steps where p.tenantId = :t";

  /** The latest version of each policy that is not retired, by name. */
  public List<PolicyVersion> current(String tenantId) {
    return getEntityManager()
        .createQuery(
            WITH_STEPS
                + " and p.retired = false and p.version = (select max(q.version) from PolicyVersion q"
                + " where q.tenantId = p.tenantId and q.id = p.id) order by p.name",
            PolicyVersion.class)
        .setParameter("t", tenantId)
        .getResultList();
  }

  /** Every version of a policy, oldest first. */
  public List<PolicyVersion> versions(String tenantId, UUID id) {
    return getEntityManager()
        .createQuery(WITH_STEPS + " and p.id = :id order by p.version", PolicyVersion.class)
        .setParameter("t", tenantId)
        .setParameter("id", id)
        .getResultList();
  }

  public Optional<PolicyVersion> version(String tenantId, UUID id, int version) {
    return getEntityManager()
        .createQuery(WITH_STEPS + " and p.id = :id and p.version = :v", PolicyVersion.class)
        .setParameter("t", tenantId)
        .setParameter("id", id)
        .setParameter("v", version)
        .getResultStream()
        .findFirst();
  }

  /** The newest version, retired or not. */
  public Optional<PolicyVersion> latest(String tenantId, UUID id) {
    List<PolicyVersion> all = versions(tenantId, id);
    return all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1));
  }

  /** How many of these policies have a first version. */
  public long seeded(String tenantId, Collection<UUID> ids) {
    return count("tenantId = ?1 and id in ?2 and version = 1", tenantId, ids);
  }

  /**
   * Holds the tenant's policy seeding lock to the end of the transaction, so that two first uses
   * seed once.
   */
  public void lockSeeding(String tenantId) {
    getEntityManager()
        .createNativeQuery(
            "select count(*) from (select pg_advisory_xact_lock(hashtextextended(:k, 0))) l")
        .setParameter("k", "dunning-policy-seed\n" + tenantId)
        .getSingleResult();
  }
}
