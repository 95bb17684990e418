package org.receivables.kit.request;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import org.jboss.logging.MDC;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Carries the gateway's request id ({@code X-Request-Id}) into the service: into the logging
 * context as {@code requestId} for every log line written while serving the request, and back on
 * the response, so that an ERP's support ticket, the gateway's access log and the service's logs
 * name the same request. Which ids are kept is kit-core's rule, the gateway's too; an id that is
 * not a plain token is ignored rather than written into logs.
 */
public class RequestIds {

  public static final String HEADER = org.receivables.kit.core.RequestIds.HEADER;

  /** The logging context key (console format {@code %X{requestId}}; JSON logs carry it as mdc). */
  public static final String MDC_KEY = "requestId";

  @ServerRequestFilter(preMatching = true)
  public void enter(ContainerRequestContext request) {
    String id = org.receivables.kit.core.RequestIds.valid(request.getHeaderString(HEADER));
    if (id == null) {
      MDC.remove(MDC_KEY);
    } else {
      MDC.put(MDC_KEY, id);
    }
  }

  @ServerResponseFilter
  public void leave(ContainerRequestContext request, ContainerResponseContext response) {
    String id = org.receivables.kit.core.RequestIds.valid(request.getHeaderString(HEADER));
    if (id != null) {
      response.getHeaders().putSingle(HEADER, id);
    }
    MDC.remove(MDC_KEY);
  }
}
