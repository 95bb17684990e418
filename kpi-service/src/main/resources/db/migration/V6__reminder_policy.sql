-- ReminderSent names the dunning policy version that chose the step, so that the strategy success
-- rate can be told apart per policy. Null for escalations and for reminders sent before dunning
-- named it: they form the "unknown policy" group.
alter table kpi_reminder
    add column policy_id      text,
    add column policy_version integer;
