package org.receivables.gateway.auth;

import java.util.Set;

/**
 * Who is calling, as far as the services are concerned: they only ever learn it through the
 * internal token built from this.
 *
 * @param id a stable, non-secret identifier of the credential (the key's hash), used to cache
 *     tokens
 */
public record Caller(String id, String name, String tenant, Set<String> roles) {

  /** Where the authenticated caller is kept on the routing context. */
  public static final String KEY = "gateway.caller";

  public Caller {
    roles = Set.copyOf(roles);
  }
}
