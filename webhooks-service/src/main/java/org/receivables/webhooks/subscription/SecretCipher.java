package org.receivables.webhooks.subscription;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.UUID;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals signing secrets for the database with AES-256-GCM (the JDK's): the HMAC needs each secret
 * itself, so it cannot be hashed like an API key, and a copy of the database or of a backup must
 * not be enough to sign deliveries a receiver would trust. The subscription id is the associated
 * data, so a sealed secret copied onto another subscription's row does not open; any change to the
 * stored text is detected, never silently signed with.
 *
 * <p>Stored form: {@value #PREFIX} then base64 of the 12-byte random nonce, the ciphertext and the
 * 16-byte tag. The prefix names the scheme, so that a later key or scheme can sit beside it.
 */
public final class SecretCipher {

  /** Marks a sealed value; a clear secret starts with {@code whsec_} instead. */
  public static final String PREFIX = "aesgcm1:";

  private static final int NONCE = 12;
  private static final int TAG_BITS = 128;
  private static final SecureRandom RANDOM = new SecureRandom();

  private final SecretKeySpec key;

  /**
   * @param key the 256-bit key, as 32 bytes
   */
  public SecretCipher(byte[] key) {
    if (key.length != 32) {
      throw new IllegalArgumentException(
          "the secrets key must be 32 bytes (256 bits), base64-encoded; it has " + key.length);
    }
    this.key = new SecretKeySpec(key, "AES");
  }

  /** From the base64 text of the configuration. */
  public static SecretCipher ofBase64(String key) {
    try {
      return new SecretCipher(Base64.getDecoder().decode(key.strip()));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "webhooks.secrets.key must be the base64 of 32 random bytes: " + e.getMessage(), e);
    }
  }

  /** Whether a stored value is sealed (else it is a clear secret written before sealing). */
  public static boolean isSealed(String stored) {
    return stored != null && stored.startsWith(PREFIX);
  }

  /** The secret sealed for the subscription's row. */
  public String seal(String secret, UUID subscription) {
    byte[] nonce = new byte[NONCE];
    RANDOM.nextBytes(nonce);
    byte[] sealed =
        cipher(Cipher.ENCRYPT_MODE, nonce, subscription)
            .apply(secret.getBytes(StandardCharsets.UTF_8));
    return PREFIX
        + Base64.getEncoder()
            .encodeToString(
                ByteBuffer.allocate(NONCE + sealed.length).put(nonce).put(sealed).array());
  }

  /**
   * The secret a sealed value holds.
   *
   * @throws TamperedException when it was changed, sealed for another subscription or with another
   *     key, or is not sealed at all
   */
  public String open(String stored, UUID subscription) {
    if (!isSealed(stored)) {
      throw new TamperedException(subscription, "not a sealed secret");
    }
    byte[] all;
    try {
      all = Base64.getDecoder().decode(stored.substring(PREFIX.length()));
    } catch (IllegalArgumentException e) {
      throw new TamperedException(subscription, "not base64");
    }
    if (all.length < NONCE + TAG_BITS / 8) {
      throw new TamperedException(subscription, "too short");
    }
    byte[] nonce = Arrays.copyOf(all, NONCE);
    byte[] sealed = Arrays.copyOfRange(all, NONCE, all.length);
    return new String(
        cipher(Cipher.DECRYPT_MODE, nonce, subscription).apply(sealed), StandardCharsets.UTF_8);
  }

  private Sealing cipher(int mode, byte[] nonce, UUID subscription) {
    return bytes -> {
      try {
        Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
        c.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
        c.updateAAD(subscription.toString().getBytes(StandardCharsets.US_ASCII));
        return c.doFinal(bytes);
      } catch (AEADBadTagException e) {
        throw new TamperedException(subscription, "its tag does not verify");
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException("AES-256-GCM is not available", e);
      }
    };
  }

  private interface Sealing {
    byte[] apply(byte[] bytes);
  }

  /** A stored secret that does not open: altered, moved, or sealed under another key. */
  public static final class TamperedException extends IllegalStateException {
    TamperedException(UUID subscription, String why) {
      super("the stored secret of subscription " + subscription + " does not open: " + why);
    }
  }
}
