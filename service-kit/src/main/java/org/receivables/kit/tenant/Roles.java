package org.receivables.kit.tenant;

import java.util.Arrays;
import java.util.List;

/**
 * The roles the gateway puts in the internal token, and the sets of them that endpoints allow;
 * services check them on every endpoint with {@code @RolesAllowed}.
 *
 * <p>A Java annotation cannot take an array constant, so each set is one string: a Quarkus property
 * expression whose default lists the roles ({@code @RolesAllowed} resolves it, and a value with
 * commas is a list of roles). The keys under {@code service-kit.role-set} are not configuration:
 * nothing sets them, so each set is exactly its default. {@link #expand} reads a set back, and the
 * kit's OpenAPI filter uses it so the document lists the real roles. A set and single roles mix in
 * one annotation: {@code @RolesAllowed({Roles.LEDGER_WRITERS, Roles.CREDIT_MANAGER})}.
 */
public final class Roles {
  public static final String ADMIN = "admin";
  public static final String ERP = "erp";
  public static final String COLLECTOR = "collector";
  public static final String CREDIT_MANAGER = "credit-manager";
  public static final String VIEWER = "viewer";

  /** Every role of the suite: what anyone of the tenant may read. */
  public static final String ANYONE =
      "${service-kit.role-set.anyone:"
          + ADMIN
          + ","
          + ERP
          + ","
          + COLLECTOR
          + ","
          + CREDIT_MANAGER
          + ","
          + VIEWER
          + "}";

  /** The people of the company, not its ERP: dunning and scoring screens. */
  public static final String STAFF =
      "${service-kit.role-set.staff:"
          + ADMIN
          + ","
          + COLLECTOR
          + ","
          + CREDIT_MANAGER
          + ","
          + VIEWER
          + "}";

  /** Every role that may change something (all but the viewer). */
  public static final String WRITERS =
      "${service-kit.role-set.writers:"
          + ADMIN
          + ","
          + ERP
          + ","
          + COLLECTOR
          + ","
          + CREDIT_MANAGER
          + "}";

  /** Who writes the ledger: customers, invoices, payments. */
  public static final String LEDGER_WRITERS =
      "${service-kit.role-set.ledger-writers:" + ADMIN + "," + ERP + "}";

  /** Who decides on credit: statements, overrides, limits, holds, decisions. */
  public static final String CREDIT_TEAM =
      "${service-kit.role-set.credit-team:" + ADMIN + "," + CREDIT_MANAGER + "}";

  /** Who works collection cases: reminders, promises, plans, calls. */
  public static final String COLLECTION_TEAM =
      "${service-kit.role-set.collection-team:"
          + ADMIN
          + ","
          + COLLECTOR
          + ","
          + CREDIT_MANAGER
          + "}";

  /** Collectors and admins only. */
  public static final String COLLECTORS =
      "${service-kit.role-set.collectors:" + ADMIN + "," + COLLECTOR + "}";

  /** Every role of the suite, for checks (an unknown role in a token is dropped). */
  public static final List<String> ALL = List.of(ADMIN, ERP, COLLECTOR, CREDIT_MANAGER, VIEWER);

  private static final String SET_PREFIX = "${service-kit.role-set.";

  private Roles() {}

  /**
   * The roles a {@code @RolesAllowed} value stands for: the members of a set, or the role itself.
   */
  public static List<String> expand(String value) {
    if (value == null || !value.startsWith(SET_PREFIX) || !value.endsWith("}")) {
      return value == null ? List.of() : List.of(value);
    }
    int colon = value.indexOf(':');
    if (colon < 0) {
      throw new IllegalArgumentException("A role set without its roles: " + value);
    }
    return Arrays.stream(value.substring(colon + 1, value.length() - 1).split(","))
        .map(String::strip)
        .toList();
  }
}
