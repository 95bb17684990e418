package org.receivables.dunning.common;

/** Texts the OpenAPI annotations share, so every endpoint explains the same rule the same way. */
public final class ApiDocs {

  public static final String BAD_REQUEST = "Invalid request; errors name each field (problem+json)";
  public static final String UNAUTHORIZED = "No valid access token (problem+json)";
  public static final String FORBIDDEN = "The caller's role may not do this (problem+json)";
  public static final String NOT_FOUND = "No such resource in this tenant (problem+json)";
  public static final String IDEMPOTENCY_KEY =
      "Makes a retry safe: the same key and body return the first answer instead of acting twice";
  public static final String IDEMPOTENCY_REUSED =
      "Idempotency-Key already used with another request (problem+json)";

  private ApiDocs() {}
}
