package org.receivables.gateway.auth;

import java.util.Set;

/**
 * Who is calling, as far as the services are concerned: they only ever learn it through the
 * internal token built from this.
 *
 * @param id a stable, non-secret identifier of the credential (the key's hash), used to cache
 *     tokens
 * @param requestsPerSecond this credential's own rate limit, or null for the default
 */
public record Caller(
    String id, String name, String tenant, Set<String> roles, Double requestsPerSecond) {

  /** Where the authenticated caller is kept on the routing context. */
  public static final String KEY = "gateway.caller";

  public Caller {
    roles = Set.copyOf(roles);
  }

  public Caller(String id, String name, String tenant, Set<String> roles) {
    this(id, name, tenant, roles, null);
  }
}
