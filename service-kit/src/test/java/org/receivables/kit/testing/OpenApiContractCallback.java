package org.receivables.kit.testing;

import io.quarkus.test.junit.callback.QuarkusTestBeforeEachCallback;
import io.quarkus.test.junit.callback.QuarkusTestMethodContext;

/**
 * Puts {@link OpenApiContract} in front of every REST Assured call of a service's
 * {@code @QuarkusTest}s. A service turns it on with one line in its test resources, {@code
 * META-INF/services/io.quarkus.test.junit.callback.QuarkusTestBeforeEachCallback}.
 */
public class OpenApiContractCallback implements QuarkusTestBeforeEachCallback {

  @Override
  public void beforeEach(QuarkusTestMethodContext context) {
    OpenApiContract.installForEveryCall();
  }
}
