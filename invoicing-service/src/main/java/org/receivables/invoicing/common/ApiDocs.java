package org.receivables.invoicing.common;

/** Texts the OpenAPI annotations share, so every endpoint explains the same rule the same way. */
public final class ApiDocs {

  public static final String IDEMPOTENCY_409 =
      "Conflict: a request with the same Idempotency-Key is still being processed, or the"
          + " operation conflicts with the resource's state (problem+json)";
  public static final String IDEMPOTENCY_422 =
      "Idempotency-Key already used for a different request, or the amount is not possible in"
          + " the invoice's current state (problem+json, errors name the field)";
  public static final String BAD_REQUEST = "Invalid request; errors name each field (problem+json)";
  public static final String INVOICE_404 = "No such invoice in this tenant (problem+json)";

  public static final String NO_SELLER_409 =
      "XML or PDF asked, but the tenant has no seller identity configured for them";

  private ApiDocs() {}
}
