package org.receivables.kpi.target;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;
import org.receivables.kpi.formula.TargetVariance.Comparison;

/**
 * A tenant's target for one KPI, the one piece of kpi's state that is set by people rather than
 * projected from events (so a rebuild keeps it). Set, replaced or removed; never derived.
 */
@Entity
@Table(name = "kpi_target")
@IdClass(TargetEntity.Key.class)
public class TargetEntity extends PanacheEntityBase {

  /** The primary key: one target per tenant and KPI. */
  public static class Key implements Serializable {
    public String tenantId;
    public Kpi kpi;

    public Key() {}

    public Key(String tenantId, Kpi kpi) {
      this.tenantId = tenantId;
      this.kpi = kpi;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Key k && Objects.equals(tenantId, k.tenantId) && kpi == k.kpi;
    }

    @Override
    public int hashCode() {
      return Objects.hash(tenantId, kpi);
    }
  }

  @Id
  @Column(name = "tenant_id", nullable = false, updatable = false)
  public String tenantId;

  @Id
  @Enumerated(EnumType.STRING)
  @Column(nullable = false, updatable = false)
  public Kpi kpi;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  public Comparison comparison;

  @Column(nullable = false, precision = 12, scale = 2)
  public BigDecimal value;

  @Column(name = "updated_at", nullable = false)
  public Instant updatedAt;

  @Column(name = "updated_by")
  public String updatedBy;

  /** The API's view of it. */
  public Target view() {
    return new Target(kpi, comparison, value, updatedAt, updatedBy);
  }
}
