package org.receivables.kit.tenant;

/** The roles the gateway puts in the internal token; services check them on every endpoint. */
public final class Roles {
  public static final String ADMIN = "admin";
  public static final String ERP = "erp";
  public static final String COLLECTOR = "collector";
  public static final String CREDIT_MANAGER = "credit-manager";
  public static final String VIEWER = "viewer";

  private Roles() {}
}
