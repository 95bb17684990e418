package org.receivables.invoicing.einvoice;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.receivables.kit.problem.Problem;

/** A refused e-invoice answers problem+json with one error per broken rule. */
public class EInvoiceProblemMapper {

  @ServerExceptionMapper
  public Response refused(EInvoiceRejection e, UriInfo uri) {
    return Response.status(e.status())
        .type(Problem.MEDIA_TYPE)
        .entity(EInvoiceProblem.of(e, uri.getPath()))
        .build();
  }
}
