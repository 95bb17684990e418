package org.receivables.kit.request;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class CreatedTest {

  @Test
  void locationIsOnThePublicUrlWhenOneIsConfigured() {
    UUID id = UUID.fromString("7c9e6679-7425-40de-944b-e07fc1f90ae7");
    assertThat(Created.location(Optional.of("https://api.example.com/"), "/api/v1/customers", id))
        .isEqualTo("https://api.example.com/api/v1/customers/7c9e6679-7425-40de-944b-e07fc1f90ae7");
  }

  @Test
  void locationIsRelativeOtherwise() {
    assertThat(Created.location(Optional.empty(), "/api/v1/invoices", "42"))
        .isEqualTo("/api/v1/invoices/42");
  }

  @Test
  void anIdIsEncodedAsOnePathSegment() {
    assertThat(Created.location(Optional.empty(), "/api/v1/x", "a b/c"))
        .isEqualTo("/api/v1/x/a%20b%2Fc");
  }
}
