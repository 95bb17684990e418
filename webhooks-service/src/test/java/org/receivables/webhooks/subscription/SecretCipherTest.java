package org.receivables.webhooks.subscription;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.receivables.webhooks.delivery.Signatures;

class SecretCipherTest {

  private static final byte[] KEY = new byte[32];

  static {
    for (int i = 0; i < KEY.length; i++) {
      KEY[i] = (byte) i;
    }
  }

  private final SecretCipher cipher = new SecretCipher(KEY);
  private final UUID subscription = UUID.randomUUID();

  @Test
  void aSealedSecretOpensToItselfAndShowsNothingOfIt() {
    String secret = Signatures.newSecret();

    String sealed = cipher.seal(secret, subscription);

    assertThat(sealed).startsWith(SecretCipher.PREFIX).doesNotContain(secret.substring(6));
    assertThat(SecretCipher.isSealed(sealed)).isTrue();
    assertThat(SecretCipher.isSealed(secret)).isFalse();
    assertThat(cipher.open(sealed, subscription)).isEqualTo(secret);
    // a fresh nonce each time: the same secret never seals to the same text
    assertThat(cipher.seal(secret, subscription)).isNotEqualTo(sealed);
  }

  @Test
  void anAlteredSealedSecretIsRefused() {
    String sealed = cipher.seal(Signatures.newSecret(), subscription);
    byte[] raw = Base64.getDecoder().decode(sealed.substring(SecretCipher.PREFIX.length()));
    raw[raw.length / 2] ^= 1;
    String flipped = SecretCipher.PREFIX + Base64.getEncoder().encodeToString(raw);

    assertThatThrownBy(() -> cipher.open(flipped, subscription))
        .isInstanceOf(SecretCipher.TamperedException.class);
    assertThatThrownBy(() -> cipher.open(sealed.substring(0, 20), subscription))
        .isInstanceOf(SecretCipher.TamperedException.class);
    assertThatThrownBy(() -> cipher.open("whsec_abc", subscription))
        .isInstanceOf(SecretCipher.TamperedException.class);
  }

  @Test
  void aSecretOpensOnlyForItsSubscriptionAndUnderItsKey() {
    String sealed = cipher.seal(Signatures.newSecret(), subscription);

    assertThatThrownBy(() -> cipher.open(sealed, UUID.randomUUID()))
        .isInstanceOf(SecretCipher.TamperedException.class);
    assertThatThrownBy(() -> new SecretCipher(new byte[32]).open(sealed, subscription))
        .isInstanceOf(SecretCipher.TamperedException.class);
  }

  @Test
  void theKeyMustBe256Bits() {
    assertThatThrownBy(() -> new SecretCipher(new byte[16]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("32 bytes");
    assertThatThrownBy(() -> SecretCipher.ofBase64("not base64!"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("webhooks.secrets.key");
    assertThat(SecretCipher.ofBase64(Base64.getEncoder().encodeToString(KEY))).isNotNull();
  }
}
