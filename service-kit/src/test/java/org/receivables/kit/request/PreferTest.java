package org.receivables.kit.request;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PreferTest {

  @Test
  void respondAsyncIsFoundAmongOtherPreferencesWhateverItsCaseAndParameters() {
    assertThat(Prefer.respondAsync("respond-async")).isTrue();
    assertThat(Prefer.respondAsync("return=minimal, Respond-Async; foo=bar")).isTrue();
    assertThat(Prefer.respondAsync(" respond-async , wait=10")).isTrue();
  }

  @Test
  void anythingElseIsASynchronousRun() {
    assertThat(Prefer.respondAsync(null)).isFalse();
    assertThat(Prefer.respondAsync("")).isFalse();
    assertThat(Prefer.respondAsync("wait=10")).isFalse();
    assertThat(Prefer.respondAsync("return=respond-async")).isFalse();
    assertThat(Prefer.respondAsync("respond-asynchronously")).isFalse();
  }
}
