package org.receivables.webhooks.subscription;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A tenant's webhook endpoint: where to send which event types, signed with which secret. Changed
 * by people through the API (optimistic locking on {@link #version}); the delivery columns
 * (success, failure, lease) are the worker's and written by SQL, outside this entity.
 */
@Entity
@Table(name = "webhook_subscription")
public class Subscription {

  @Id public UUID id;

  @Column(name = "tenant_id", nullable = false, updatable = false)
  public String tenantId;

  @Column(nullable = false)
  public String url;

  @JdbcTypeCode(SqlTypes.ARRAY)
  @Column(name = "event_types", nullable = false, columnDefinition = "text[]")
  public String[] eventTypes;

  public String description;

  @Column(nullable = false)
  public boolean enabled;

  /** Sealed ({@link SecretCipher}); never the secret itself. */
  @Column(nullable = false)
  public String secret;

  /** Sealed as {@link #secret}. */
  @Column(name = "previous_secret")
  public String previousSecret;

  /** The secret just issued, in clear, for the one answer that shows it; never stored. */
  @Transient public String issuedSecret;

  @Column(name = "previous_expires_at")
  public Instant previousExpiresAt;

  @Column(name = "created_at", nullable = false, updatable = false)
  public Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  public Instant updatedAt;

  @Version
  @Column(nullable = false)
  public long version;

  @Column(name = "disabled_reason")
  public String disabledReason;

  @Column(name = "disabled_at")
  public Instant disabledAt;

  /** Since when every attempt failed (the worker's); cleared when the tenant enables it again. */
  @Column(name = "failing_since")
  public Instant failingSince;

  public SubscriptionView view() {
    return new SubscriptionView(
        id,
        url,
        List.of(eventTypes),
        description,
        enabled,
        disabledReason,
        disabledAt,
        previousExpiresAt,
        createdAt,
        updatedAt);
  }
}
