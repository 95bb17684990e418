package org.receivables.kit.idempotency;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.receivables.kit.tenant.TenantContext;

/**
 * Applies {@link Idempotency} to every {@link Idempotent} resource method, with the tenant from the
 * token, the key from the header and the fingerprint from method, path and deserialised body.
 *
 * <p>Its priority places it inside Bean Validation's (a body that fails validation never takes a
 * key lock nor opens the idempotency transaction) and inside {@code @Transactional}, whose
 * transaction it joins when the resource method has one.
 */
@Idempotent
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_AFTER + 900)
public class IdempotentInterceptor {

  @Inject Idempotency idempotency;
  @Inject TenantContext tenant;
  @Inject HttpHeaders headers;
  @Inject UriInfo uri;

  private final Map<Method, Shape> shapes = new ConcurrentHashMap<>();

  /** The HTTP method and the index of the body parameter (-1: none) of a resource method. */
  private record Shape(String httpMethod, int body) {
    static Shape of(Method method) {
      ResourceMethods.checkShape(method);
      return new Shape(ResourceMethods.httpMethod(method), ResourceMethods.bodyIndex(method));
    }
  }

  @AroundInvoke
  Object keyed(InvocationContext context) throws Exception {
    Shape shape = shapes.computeIfAbsent(context.getMethod(), Shape::of);
    try {
      return idempotency.execute(
          tenant.tenantId(),
          headers.getHeaderString(IdempotencyKey.HEADER),
          shape.httpMethod(),
          uri.getPath(),
          shape.body() < 0 ? null : context.getParameters()[shape.body()],
          () -> proceed(context));
    } catch (CheckedFailure e) {
      throw e.getCause();
    }
  }

  private static Response proceed(InvocationContext context) {
    try {
      return (Response) context.proceed();
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      // carried through Idempotency's Supplier (and its rollback), unwrapped above
      throw new CheckedFailure(e);
    }
  }

  /** A checked exception of the resource method, on its way through a Supplier. */
  private static final class CheckedFailure extends RuntimeException {
    CheckedFailure(Exception cause) {
      super(cause);
    }

    @Override
    public synchronized Exception getCause() {
      return (Exception) super.getCause();
    }
  }
}
