-- This service's own public events (webhook.subscription.disabled) are about a subscription, not a
-- customer: they have neither a customer nor a sequence number.
alter table webhook_event alter column customer_id drop not null;
alter table webhook_event alter column sequence drop not null;
