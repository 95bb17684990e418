package org.receivables.dunning.policy;

import com.fasterxml.jackson.core.type.TypeReference;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import jakarta.validation.Validator;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.receivables.dunning.common.Json;
import org.receivables.dunning.common.Params;
import org.receivables.dunning.common.Rows;
import org.receivables.kit.problem.Problem;
import org.receivables.kit.problem.ProblemException;

/**
 * Policies as versioned data: a write never changes a stored version, it adds the next one, so a
 * reminder can always say which ladder it followed. Each tenant starts with the default French
 * ladders, seeded idempotently on first use.
 */
@ApplicationScoped
public class PolicyService {

  private static final TypeReference<List<PolicyStep>> STEPS = new TypeReference<>() {};

  @Inject EntityManager em;
  @Inject Clock clock;
  @Inject Validator validator;

  /** Seeds the default ladders once per tenant; safe to call from concurrent transactions. */
  @Transactional
  public void ensureDefaults(String tenantId) {
    for (DunningPolicy p : DefaultPolicies.forTenant(tenantId)) {
      insert(tenantId, p, false, "system", true);
    }
  }

  /** The current version of every policy that is not retired. */
  @Transactional
  public List<PolicyView> current(String tenantId) {
    ensureDefaults(tenantId);
    return rows(
            "select * from dunning_policy p where tenant_id = :t and version = (select max(version) from"
                + " dunning_policy q where q.tenant_id = p.tenant_id and q.id = p.id) and not retired order by name",
            tenantId,
            null)
        .stream()
        .toList();
  }

  @Transactional
  public PolicyView get(String tenantId, UUID id) {
    ensureDefaults(tenantId);
    return latest(tenantId, id).orElseThrow(() -> ProblemException.notFound("Policy", id));
  }

  @Transactional
  public List<PolicyView> versions(String tenantId, UUID id) {
    get(tenantId, id);
    return rows(
        "select * from dunning_policy where tenant_id = :t and id = :id order by version",
        tenantId,
        id);
  }

  /** A specific version, for reminders that name the version they followed. */
  public Optional<PolicyView> version(String tenantId, UUID id, int version) {
    return rows(
            "select * from dunning_policy where tenant_id = :t and id = :id and version = "
                + version,
            tenantId,
            id)
        .stream()
        .findFirst();
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
    insert(tenantId, p, false, actor, false);
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
    insert(tenantId, p, false, actor, false);
    return get(tenantId, id);
  }

  @Transactional
  public void retire(String tenantId, UUID id, String actor) {
    PolicyView current = get(tenantId, id);
    DunningPolicy p = current.toPolicy();
    insert(
        tenantId,
        new DunningPolicy(
            p.id(),
            p.version() + 1,
            p.name(),
            p.description(),
            false,
            p.riskClasses(),
            p.segments(),
            p.priority(),
            p.minGapDays(),
            p.interestBasis(),
            p.contractualRate(),
            p.steps()),
        true,
        actor,
        false);
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
        DunningPolicy p = v.toPolicy();
        insert(
            tenantId,
            new DunningPolicy(
                p.id(),
                p.version() + 1,
                p.name(),
                p.description(),
                false,
                p.riskClasses(),
                p.segments(),
                p.priority(),
                p.minGapDays(),
                p.interestBasis(),
                p.contractualRate(),
                p.steps()),
            false,
            actor,
            false);
      }
    }
  }

  private void insert(
      String tenantId, DunningPolicy p, boolean retired, String actor, boolean ignoreExisting) {
    try {
      em.createNativeQuery(
              "insert into dunning_policy (tenant_id, id, version, name, description, is_default, risk_classes,"
                  + " segments, priority, min_gap_days, interest_basis, contractual_rate, steps, retired, created_at,"
                  + " created_by) values (:t, :id, :v, :name, :d, :def, :rc, :seg, :prio, :gap, :basis, :rate,"
                  + " :steps, :retired, :at, :by)"
                  + (ignoreExisting ? " on conflict do nothing" : ""))
          .setParameter("t", tenantId)
          .setParameter("id", p.id())
          .setParameter("v", p.version())
          .setParameter("name", p.name())
          .setParameter("d", p.description())
          .setParameter("def", p.isDefault())
          .setParameter("rc", Json.write(p.riskClasses()))
          .setParameter("seg", Json.write(p.segments()))
          .setParameter("prio", p.priority())
          .setParameter("gap", p.minGapDays())
          .setParameter("basis", p.interestBasis().name())
          .setParameter(
              "rate", p.contractualRate() == null ? BigDecimal.valueOf(-1) : p.contractualRate())
          .setParameter("steps", Json.write(p.steps()))
          .setParameter("retired", retired)
          .setParameter("at", Instant.now(clock))
          .setParameter("by", actor == null ? "system" : actor)
          .executeUpdate();
      em.flush();
    } catch (PersistenceException e) {
      throw ProblemException.conflict(
          "Policy " + p.id() + " was changed concurrently; read it again");
    }
  }

  private Optional<PolicyView> latest(String tenantId, UUID id) {
    List<PolicyView> all =
        rows(
            "select * from dunning_policy where tenant_id = :t and id = :id order by version desc limit 1",
            tenantId,
            id);
    return all.stream().findFirst().filter(v -> !v.retired());
  }

  /** A policy version's row, in select order. */
  record PolicyRow(
      UUID id,
      int version,
      String name,
      String description,
      boolean isDefault,
      String riskClasses,
      String segments,
      int priority,
      int minGapDays,
      String interestBasis,
      BigDecimal contractualRate,
      String steps,
      boolean retired,
      Instant createdAt,
      String createdBy) {

    PolicyView view() {
      return new PolicyView(
          id,
          version,
          name,
          "".equals(description) ? null : description,
          isDefault,
          Json.read(riskClasses, Json.STRINGS),
          Json.read(segments, Json.STRINGS),
          priority,
          minGapDays,
          InterestBasis.valueOf(interestBasis),
          contractualRate == null || contractualRate.signum() < 0 ? null : contractualRate,
          Json.read(steps, STEPS),
          retired,
          createdAt,
          createdBy);
    }
  }

  private List<PolicyView> rows(String sql, String tenantId, UUID id) {
    var q =
        em.createNativeQuery(
            sql.replace(
                "select *",
                "select id, version, name, description, is_default, risk_classes, segments,"
                    + " priority, min_gap_days, interest_basis, contractual_rate, steps, retired, created_at, created_by"));
    q.setParameter("t", tenantId);
    if (id != null) {
      q.setParameter("id", id);
    }
    return Rows.list(q, PolicyRow.class).stream().map(PolicyRow::view).toList();
  }
}
