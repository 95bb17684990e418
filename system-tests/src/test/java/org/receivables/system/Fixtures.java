package org.receivables.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The request bodies the system tests build their data from, and the SMTP server's mailboxes, in
 * one place: a change of the API's create-customer or create-invoice contract is made here once,
 * not in every test that needs a customer with an invoice.
 */
final class Fixtures {

  static final String SMTP_API = System.getProperty("suite.smtp.api", "http://127.0.0.1:8025");

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private Fixtures() {}

  /** A French customer paying at 30 days, in euros, without contact data. */
  static Map<String, Object> customer(String externalRef, String name) {
    Map<String, Object> customer = new LinkedHashMap<>();
    customer.put("externalRef", externalRef);
    customer.put("name", name);
    customer.put("country", "FR");
    customer.put("currency", "EUR");
    customer.put("language", "fr");
    customer.put("paymentTerms", Map.of("days", 30));
    return customer;
  }

  /** As {@link #customer(String, String)}, reminded by e-mail at {@code email}. */
  static Map<String, Object> customer(String externalRef, String name, String email) {
    Map<String, Object> customer = customer(externalRef, name);
    customer.put("email", email);
    return customer;
  }

  /** An invoice of one line (quantity 1, VAT 20 %) issued on {@code issueDate}. */
  static Map<String, Object> invoice(
      String customerId, String number, Object issueDate, String description, Object unitPrice) {
    return Map.of(
        "customerId",
        customerId,
        "number",
        number,
        "issueDate",
        issueDate.toString(),
        "lines",
        List.of(
            Map.of(
                "description", description, "quantity", 1, "unitPrice", unitPrice, "vatRate", 20)));
  }

  /**
   * The raw MIME text of every message the SMTP server (GreenMail) received for {@code address}.
   */
  static List<String> inbox(String address) {
    try {
      HttpResponse<String> r =
          HTTP.send(
              HttpRequest.newBuilder(
                      URI.create(
                          SMTP_API
                              + "/api/user/"
                              + URLEncoder.encode(address, StandardCharsets.UTF_8)
                              + "/messages/INBOX"))
                  .GET()
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      List<String> out = new ArrayList<>();
      if (r.statusCode() == 200) {
        for (JsonNode m : JSON.readTree(r.body())) {
          out.add(m.path("mimeMessage").asText());
        }
      }
      return out;
    } catch (IOException e) {
      throw new IllegalStateException("SMTP API unreachable at " + SMTP_API, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
