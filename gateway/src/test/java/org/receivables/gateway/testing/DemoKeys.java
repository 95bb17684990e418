package org.receivables.gateway.testing;

/** The demo keys of API.md; the gateway knows only their hashes, from config/local. */
public final class DemoKeys {

  public static final String ACME_ADMIN = "acme-admin-key";
  public static final String ACME_VIEWER = "acme-viewer-key";
  public static final String GLOBEX_ADMIN = "globex-admin-key";

  private DemoKeys() {}
}
