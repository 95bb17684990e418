-- The KPI service's own replica of invoice facts, fed only by events (event-carried state transfer).

create table kpi_invoice (
    invoice_id     uuid primary key,
    tenant_id      text          not null,
    customer_id    uuid          not null,
    number         text          not null,
    currency       char(3)       not null,
    issue_date     date          not null,
    due_date       date          not null,
    total_incl_tax numeric(19, 4) not null
);

create index kpi_invoice_tenant_currency on kpi_invoice (tenant_id, currency, issue_date);

-- Dated movements of what is owed on an invoice (+ issued, - paid, - credited, ...): the balance of any
-- invoice on any date is the sum of its entries up to that date.
create table kpi_ledger_entry (
    id          bigserial primary key,
    tenant_id   text          not null,
    invoice_id  uuid          not null references kpi_invoice (invoice_id),
    entry_date  date          not null,
    kind        text          not null,
    amount      numeric(19, 4) not null,
    event_id    text          not null
);

create index kpi_ledger_entry_invoice on kpi_ledger_entry (invoice_id, entry_date);
