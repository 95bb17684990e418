package org.receivables.invoicing.einvoice;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.receivables.invoicing.TestLedger;
import org.receivables.invoicing.einvoice.validate.En16931Validator;
import org.receivables.kit.testing.TestTokens;

/**
 * One document submitted twice at the same moment is recorded once and both answers name it; two
 * contents under one seller and number: one is recorded, the other is a 409.
 */
@QuarkusTest
class ConcurrentSubmissionApiTest {

  private final TestLedger api = new TestLedger();
  private final ExecutorService pool = Executors.newFixedThreadPool(2);

  @Inject En16931Validator validator;

  @BeforeEach
  void artefactsCompiled() {
    validator.awaitWarm();
  }

  @AfterEach
  void stop() {
    pool.shutdownNow();
  }

  /** Posts both bodies at once (both threads released by one barrier). */
  private List<Response> together(String first, String second) {
    CyclicBarrier start = new CyclicBarrier(2);
    List<CompletableFuture<Response>> answers =
        List.of(first, second).stream()
            .map(
                xml ->
                    CompletableFuture.supplyAsync(
                        () -> {
                          try {
                            start.await();
                          } catch (Exception e) {
                            throw new IllegalStateException(e);
                          }
                          return given()
                              .header("Authorization", TestTokens.bearer(api.tenant, "erp"))
                              .contentType("application/xml")
                              .body(xml.getBytes(StandardCharsets.UTF_8))
                              .post("/api/v1/e-invoices");
                        },
                        pool))
            .toList();
    return answers.stream().map(CompletableFuture::join).toList();
  }

  @Test
  void theSameBytesAtOnceAreOneInvoiceAndTwoAnswersNamingIt() {
    TestDocument d = new TestDocument();
    d.line("3", "40.00", "S", "20");
    String xml = d.ubl();
    List<Response> answers = together(xml, xml);
    assertThat(answers.stream().map(Response::statusCode).sorted().toList())
        .containsExactly(200, 201);
    String first = answers.get(0).path("invoice.id");
    assertThat(first).isNotNull().isEqualTo(answers.get(1).path("invoice.id"));
    assertThat(
            api.as("viewer")
                .queryParam("customerId", answers.get(0).<String>path("invoice.customerId"))
                .get("/api/v1/invoices")
                .then()
                .statusCode(200)
                .extract()
                .<List<String>>path("items.id"))
        .containsExactly(first);
  }

  @Test
  void twoDocumentsOfOneNewBuyerAtOnceAreBothBookedOnOneCustomer() {
    TestDocument one = new TestDocument();
    one.line("1", "10.00", "S", "20");
    TestDocument other = new TestDocument();
    other.buyerSiren = one.buyerSiren;
    other.line("2", "10.00", "S", "20");
    List<Response> answers = together(one.ubl(), other.cii());
    assertThat(answers.stream().map(Response::statusCode).toList()).containsExactly(201, 201);
    String customer = answers.get(0).path("invoice.customerId");
    assertThat(customer).isNotNull().isEqualTo(answers.get(1).path("invoice.customerId"));
    assertThat(
            api.as("viewer")
                .queryParam("customerId", customer)
                .get("/api/v1/invoices")
                .then()
                .statusCode(200)
                .extract()
                .<List<String>>path("items.id"))
        .hasSize(2);
  }

  @Test
  void otherContentUnderTheSameNumberAtOnceIsA409() {
    TestDocument d = new TestDocument();
    d.line("3", "40.00", "S", "20");
    String one = d.ubl();
    d.note = "Another note, same number";
    String other = d.cii();
    List<Response> answers = together(one, other);
    assertThat(answers.stream().map(Response::statusCode).sorted().toList())
        .containsExactly(201, 409);
    answers.stream()
        .filter(r -> r.statusCode() == 409)
        .forEach(r -> assertThat(r.contentType()).startsWith("application/problem+json"));
  }
}
