package org.receivables.dunning.policy;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import jakarta.validation.Validator;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.receivables.dunning.common.Params;
import org.receivables.kit.problem.Problem;
import org.receivables.kit.problem.ProblemException;

/**
 * Policies as versioned data: a write never changes a stored version, it adds the next one, so a
 * reminder can always say which ladder it followed. Each tenant starts with the default French
 * ladders, seeded idempotently on first use.
 */
@ApplicationScoped
public class PolicyService {

  @Inject PolicyRepository repository;
  @Inject Clock clock;
  @Inject Validator validator;

  /** Seeds the default ladders once per tenant; safe to call from concurrent transactions. */
  @Transactional
  public void ensureDefaults(String tenantId) {
    List<DunningPolicy> defaults = DefaultPolicies.forTenant(tenantId);
    List<UUID> ids = defaults.stream().map(DunningPolicy::id).toList();
    if (repository.seeded(tenantId, ids) == defaults.size()) {
      return;
    }
    repository.lockSeeding(tenantId);
    for (DunningPolicy p : defaults) {
      if (repository.version(tenantId, p.id(), 1).isEmpty()) {
        insert(tenantId, p, false, "system");
      }
    }
  }

  /** The current version of every policy that is not retired. */
  @Transactional
  public List<PolicyView> current(String tenantId) {
    ensureDefaults(tenantId);
    return repository.current(tenantId).stream().map(PolicyVersion::view).toList();
  }

  @Transactional
  public PolicyView get(String tenantId, UUID id) {
    ensureDefaults(tenantId);
    return repository
        .latest(tenantId, id)
        .filter(v -> !v.retired)
        .map(PolicyVersion::view)
        .orElseThrow(() -> ProblemException.notFound("Policy", id));
  }

  @Transactional
  public List<PolicyView> versions(String tenantId, UUID id) {
    get(tenantId, id);
    return repository.versions(tenantId, id).stream().map(PolicyVersion::view).toList();
  }

  /** A specific version, for reminders that name the version they followed. */
  public Optional<PolicyView> version(String tenantId, UUID id, int version) {
    return repository.version(tenantId, id, version).map(PolicyVersion::view);
  }

  @Transactional
  public PolicyView create(String tenantId, PolicyRequest request, String actor) {
    check(request);
    ensureDefaults(tenantId);
    DunningPolicy p = fromRequest(UUID.randomUUID(), 1, request);
    uniqueName(tenantId, p.id(), p.name());
    if (p.isDefault()) {
      clearOtherDefaults(tenantId, p.id(), actor);
    }
    insert(tenantId, p, false, actor);
    return get(tenantId, p.id());
  }

  @Transactional
  public PolicyView update(
      String tenantId, UUID id, PolicyRequest request, Integer expectedVersion, String actor) {
    check(request);
    PolicyView current = get(tenantId, id);
    if (expectedVersion != null && expectedVersion != current.version()) {
      throw new ProblemException(
          412,
          "Precondition failed",
          "Policy "
              + id
              + " is at version "
              + current.version()
              + ", not "
              + expectedVersion
              + "; read it again");
    }
    DunningPolicy p = fromRequest(id, current.version() + 1, request);
    uniqueName(tenantId, id, p.name());
    if (p.isDefault()) {
      clearOtherDefaults(tenantId, id, actor);
    }
    insert(tenantId, p, false, actor);
    return get(tenantId, id);
  }

  @Transactional
  public void retire(String tenantId, UUID id, String actor) {
    PolicyView current = get(tenantId, id);
    insert(tenantId, current.nextVersionNotDefault(), true, actor);
  }

  private void check(PolicyRequest request) {
    if (request == null) {
      throw ProblemException.invalid("body", "is required");
    }
    List<Problem.FieldError> errors = PolicyValidator.validate(validator, request);
    if (!errors.isEmpty()) {
      throw Params.invalid(errors);
    }
  }

  private DunningPolicy fromRequest(UUID id, int version, PolicyRequest r) {
    return new DunningPolicy(
        id,
        version,
        r.name().strip(),
        r.description(),
        Boolean.TRUE.equals(r.isDefault()),
        r.riskClasses() == null ? List.of() : List.copyOf(r.riskClasses()),
        r.segments() == null ? List.of() : r.segments().stream().map(String::strip).toList(),
        r.priority() == null ? 100 : r.priority(),
        r.minGapDays() == null ? 5 : r.minGapDays(),
        r.interestBasis() == null ? InterestBasis.FR_LEGAL : r.interestBasis(),
        r.contractualRate(),
        List.copyOf(r.steps()));
  }

  private void uniqueName(String tenantId, UUID id, String name) {
    for (PolicyView v : current(tenantId)) {
      if (!v.id().equals(id) && v.name().equalsIgnoreCase(name)) {
        throw ProblemException.conflict("Another policy is already named '" + name + "'");
      }
    }
  }

  private void clearOtherDefaults(String tenantId, UUID keep, String actor) {
    for (PolicyView v : current(tenantId)) {
      if (!v.id().equals(keep) && v.isDefault()) {
        insert(tenantId, v.nextVersionNotDefault(), false, actor);
      }
    }
  }

  private void insert(String tenantId, DunningPolicy p, boolean retired, String actor) {
    try {
      repository.persistAndFlush(PolicyVersion.of(tenantId, p, retired, actor, Instant.now(clock)));
    } catch (PersistenceException e) {
      throw ProblemException.conflict(
          "Policy " + p.id() + " was changed concurrently; read it again");
    }
  }
}
