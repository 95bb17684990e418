-- Signing secrets are stored sealed (AES-256-GCM, SecretCipher: 'aesgcm1:' + base64), never in clear.
-- Rows written before this version hold clear secrets (whsec_...): the key is configuration, not
-- SQL, so the service seals them at start-up (SecretSealing), tenant by tenant. From here on no clear
-- secret can be written: the check holds for every row inserted or changed (NOT VALID only spares
-- the old rows the check at this moment; they are sealed by the service before it delivers).
alter table webhook_subscription add constraint webhook_subscription_secrets_sealed
    check (secret like 'aesgcm1:%' and (previous_secret is null or previous_secret like 'aesgcm1:%'))
    not valid;
