package org.receivables.kit.idempotency;

import jakarta.interceptor.InterceptorBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a creating JAX-RS resource method as safe to retry with an {@code Idempotency-Key} header,
 * so that the resource states the rule once instead of wrapping its body in a call to {@link
 * Idempotency}. The method must return a {@link jakarta.ws.rs.core.Response} (a replay returns the
 * stored one); its request body is the one parameter without a JAX-RS annotation.
 *
 * <p>What it does, per tenant: the first 2xx answer to a key is stored in the same transaction as
 * the change; the same key with the same method, path and body gets that answer again (header
 * {@code Idempotent-Replayed: true}); the same key with another request is a 422 naming the header;
 * a duplicate that arrives while the first is running is a 409. The kit's OpenAPI filter documents
 * the header and those answers on every annotated operation. It belongs on methods: a class-level
 * use would key every method, reads included, and is refused at the first call.
 */
@InterceptorBinding
// TYPE only because an interceptor class carries its binding; on a resource class it is refused
@Target({ElementType.METHOD, ElementType.TYPE})
@Retention(RetentionPolicy.RUNTIME)
public @interface Idempotent {}
