-- API keys created through the admin API. Only the SHA-256 of a key is stored: the key itself is
-- shown once, at creation or rotation.
create table api_key (
    id                  uuid primary key,
    tenant_id           text        not null,
    name                text        not null,
    roles               text        not null,
    key_hash            char(64)    not null unique,
    requests_per_second double precision,
    created_at          timestamptz not null,
    created_by          text        not null,
    expires_at          timestamptz,
    revoked_at          timestamptz,
    replaced_by         uuid
);

create index api_key_tenant on api_key (tenant_id, created_at);
