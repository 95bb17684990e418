create table customer (
    id                uuid primary key,
    tenant_id         text         not null,
    external_ref      text         not null,
    name              text         not null,
    legal_id          text,
    country           char(2)      not null,
    currency          char(3)      not null,
    language          text         not null,
    email             text,
    phone             text,
    segment           text,
    terms_days        integer      not null,
    terms_end_of_month text        not null,
    discount_percent  numeric(5, 2),
    discount_days     integer,
    version           bigint       not null,
    created_at        timestamptz  not null,
    constraint customer_external_ref_unique unique (tenant_id, external_ref)
);

create table invoice (
    id              uuid primary key,
    tenant_id       text          not null,
    customer_id     uuid          not null references customer (id),
    number          text          not null,
    status          text          not null,
    issue_date      date          not null,
    due_date        date          not null,
    currency        char(3)       not null,
    total_excl_tax  numeric(19, 4) not null,
    total_tax       numeric(19, 4) not null,
    total_incl_tax  numeric(19, 4) not null,
    amount_paid     numeric(19, 4) not null,
    disputed        boolean       not null,
    terms_warning   text,
    version         bigint        not null,
    created_at      timestamptz   not null,
    constraint invoice_number_unique unique (tenant_id, number)
);

create index invoice_tenant_customer on invoice (tenant_id, customer_id, id);
create index invoice_tenant_id on invoice (tenant_id, id);

create table invoice_line (
    invoice_id   uuid           not null references invoice (id),
    line_no      integer        not null,
    description  text           not null,
    quantity     numeric(19, 6) not null,
    unit_price   numeric(19, 6) not null,
    vat_rate     numeric(7, 4)  not null,
    net_amount   numeric(19, 4) not null,
    primary key (invoice_id, line_no)
);
