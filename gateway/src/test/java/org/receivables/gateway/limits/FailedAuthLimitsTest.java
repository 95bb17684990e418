package org.receivables.gateway.limits;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.receivables.gateway.GatewayConfig;

class FailedAuthLimitsTest {

  private long now = 0;

  private final FailedAuthLimits limits =
      new FailedAuthLimits(
          new GatewayConfig.Bucket() {
            public double requestsPerSecond() {
              return 2;
            }

            public int burst() {
              return 3;
            }
          },
          new ClientAddresses(List.of()),
          () -> now);

  @Test
  void onlyFailuresSpendAnAddressesAllowance() {
    assertThat(limits.waitNanos("192.0.2.1")).isZero();
    limits.failed("192.0.2.1");
    limits.failed("192.0.2.1");
    assertThat(limits.waitNanos("192.0.2.1")).isZero();
    limits.failed("192.0.2.1");
    assertThat(limits.waitNanos("192.0.2.1")).isEqualTo(500_000_000L);
    assertThat(limits.waitNanos("192.0.2.2")).isZero();
    now += 500_000_000L;
    assertThat(limits.waitNanos("192.0.2.1")).isZero();
  }

  @Test
  void refilledBucketsAreForgotten() {
    limits.failed("192.0.2.1");
    limits.failed("192.0.2.2");
    now += 400_000_000L; // 0.8 token back: .2 is not yet full
    limits.failed("192.0.2.2");
    now += 100_000_000L;
    limits.forgetFull();
    assertThat(limits.tracked()).isEqualTo(1);
    now += 10_000_000_000L;
    limits.forgetFull();
    assertThat(limits.tracked()).isZero();
  }
}
