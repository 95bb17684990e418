package org.receivables.gateway.limits;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.receivables.gateway.GatewayConfig;

class FailedAuthLimitsTest {

  private long now = 0;

  private final FailedAuthLimits limits = limits(FailedAuthLimits.MAX_ADDRESSES);

  /** Evictions run on the calling thread, so that the size is exact when asked. */
  private FailedAuthLimits limits(int maxAddresses) {
    return new FailedAuthLimits(
        new GatewayConfig.Bucket() {
          public double requestsPerSecond() {
            return 2;
          }

          public int burst() {
            return 3;
          }
        },
        new ClientAddresses(List.of()),
        () -> now,
        Caffeine.newBuilder().maximumSize(maxAddresses).executor(Runnable::run));
  }

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

  @Test
  void aFloodOfNewAddressesIsCapped() {
    FailedAuthLimits small = limits(100);
    for (int i = 0; i < 10_000; i++) {
      small.failed("2001:db8::" + Integer.toHexString(i));
    }
    assertThat(small.tracked()).isLessThanOrEqualTo(100);
  }

  @Test
  void theDefaultCapIsSomeHundredThousandAddresses() {
    for (int i = 0; i < 120_000; i++) {
      limits.failed("2001:db8::" + Integer.toHexString(i));
    }
    assertThat(limits.tracked()).isLessThanOrEqualTo(FailedAuthLimits.MAX_ADDRESSES);
  }
}
