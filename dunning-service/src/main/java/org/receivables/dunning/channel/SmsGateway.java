package org.receivables.dunning.channel;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.receivables.dunning.common.DunningConfig;
import org.receivables.dunning.common.Json;

/**
 * Sends SMS through the configured HTTP provider: POST of {@code {to, from, text}} as JSON, with a
 * Bearer token when configured; any answer but 2xx is a failure.
 */
@ApplicationScoped
public class SmsGateway {

  @Inject DunningConfig config;

  private final HttpClient http = HttpClient.newBuilder().build();

  public boolean enabled() {
    return config.sms().enabled() && config.sms().url().isPresent();
  }

  public void send(String to, String text) {
    if (!enabled()) {
      throw new SendFailedException("SMS is not enabled", null);
    }
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(config.sms().url().get()))
            .timeout(config.sms().timeout())
            .header("Content-Type", "application/json")
            .POST(
                HttpRequest.BodyPublishers.ofString(
                    Json.write(Map.of("to", to, "from", config.sms().sender(), "text", text))));
    config.sms().token().ifPresent(t -> request.header("Authorization", "Bearer " + t));
    try {
      HttpResponse<String> response =
          http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() / 100 != 2) {
        throw new SendFailedException("SMS provider answered " + response.statusCode(), null);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SendFailedException("Interrupted while sending SMS", e);
    } catch (java.io.IOException e) {
      throw new SendFailedException("SMS provider unreachable: " + e.getMessage(), e);
    }
  }
}
