package org.receivables.dunning.policy;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.hibernate.annotations.Immutable;

/**
 * One stored version of a policy. Immutable once written: a change, a retirement or losing the
 * default flag adds the next version, so a reminder can always say which ladder it followed. Its
 * steps are rows of their own table, in ladder order.
 */
@Entity
@Immutable
@IdClass(PolicyVersion.Key.class)
@Table(name = "dunning_policy")
public class PolicyVersion extends PanacheEntityBase {

  @Id
  @Column(name = "tenant_id")
  public String tenantId;

  @Id public UUID id;

  @Id public int version;

  public String name;

  public String description;

  @Column(name = "is_default")
  public boolean isDefault;

  @Column(name = "risk_classes")
  public String[] riskClasses;

  public String[] segments;

  public int priority;

  @Column(name = "min_gap_days")
  public int minGapDays;

  @Enumerated(EnumType.STRING)
  @Column(name = "interest_basis")
  public InterestBasis interestBasis;

  @Column(name = "contractual_rate")
  public BigDecimal contractualRate;

  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(
      name = "dunning_policy_step",
      joinColumns = {
        @JoinColumn(name = "tenant_id", referencedColumnName = "tenant_id"),
        @JoinColumn(name = "policy_id", referencedColumnName = "id"),
        @JoinColumn(name = "policy_version", referencedColumnName = "version")
      })
  @OrderColumn(name = "position")
  public List<LadderStep> steps = new ArrayList<>();

  public boolean retired;

  @Column(name = "created_at")
  public Instant createdAt;

  @Column(name = "created_by")
  public String createdBy;

  /** A new version to store: the policy as given, by whom and when. */
  static PolicyVersion of(
      String tenantId, DunningPolicy p, boolean retired, String actor, Instant at) {
    PolicyVersion v = new PolicyVersion();
    v.tenantId = tenantId;
    v.id = p.id();
    v.version = p.version();
    v.name = p.name();
    v.description = p.description();
    v.isDefault = p.isDefault();
    v.riskClasses = p.riskClasses().toArray(String[]::new);
    v.segments = p.segments().toArray(String[]::new);
    v.priority = p.priority();
    v.minGapDays = p.minGapDays();
    v.interestBasis = p.interestBasis();
    v.contractualRate = p.contractualRate();
    v.steps = new ArrayList<>(p.steps().stream().map(LadderStep::of).toList());
    v.retired = retired;
    v.createdAt = at;
    v.createdBy = actor == null ? "system" : actor;
    return v;
  }

  PolicyView view() {
    return new PolicyView(
        id,
        version,
        name,
        "".equals(description) ? null : description,
        isDefault,
        List.of(riskClasses),
        List.of(segments),
        priority,
        minGapDays,
        interestBasis,
        contractualRate,
        steps.stream().map(LadderStep::step).toList(),
        retired,
        createdAt,
        createdBy);
  }

  /** The composite key: a policy's id and version within its tenant. */
  public static class Key implements Serializable {
    public String tenantId;
    public UUID id;
    public int version;

    public Key() {}

    public Key(String tenantId, UUID id, int version) {
      this.tenantId = tenantId;
      this.id = id;
      this.version = version;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Key k
          && version == k.version
          && Objects.equals(tenantId, k.tenantId)
          && Objects.equals(id, k.id);
    }

    @Override
    public int hashCode() {
      return Objects.hash(tenantId, id, version);
    }
  }
}
