package org.receivables.webhooks.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.http.HttpClientResponse;
import java.lang.reflect.Proxy;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Reading an answer that ended before the sender could attach its handlers. */
class SenderReadTest {

  @Test
  void anAnswerThatEndedBeforeItWasReadCountsByItsStatus() throws Exception {
    HttpClientResponse ended =
        (HttpClientResponse)
            Proxy.newProxyInstance(
                getClass().getClassLoader(),
                new Class<?>[] {HttpClientResponse.class},
                (proxy, method, args) ->
                    switch (method.getName()) {
                      case "statusCode" -> 204;
                      // what Vert.x does once the response's end was processed
                      case "handler", "exceptionHandler", "endHandler" ->
                          throw new IllegalStateException();
                      default -> throw new UnsupportedOperationException(method.getName());
                    });

    Sender.Answer answer =
        Sender.read(ended, 100).toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);

    assertThat(answer.statusCode()).isEqualTo(204);
    assertThat(answer.excerpt()).isNull();
  }
}
