-- A policy version's ladder was a JSON array in a text column, and its risk classes and segments
-- JSON arrays too, all read back by hand. The steps become rows of their own table, one per rung
-- in ladder order, keyed by the version they belong to; risk classes, segments, a step's channels
-- and actions become text arrays. Ids and versions are kept, so reminders still name the version
-- they followed. A missing contractual rate was stored as -1: it becomes null.
-- The rows of every tenant move, so this runs as the unbound pool user (see V7): the kit's
-- afterMigrate callback forces the tenant policies again and puts the new table under them.
alter table dunning_policy no force row level security;

create table dunning_policy_step (
    tenant_id      text    not null,
    policy_id      uuid    not null,
    policy_version integer not null,
    position       integer not null,
    code           text    not null,
    name           text    not null,
    offset_days    integer not null,
    channels       text[], -- null when the step sends nothing and named none
    template       text,
    minimum_amount numeric, -- no fixed scale: shown as it was written
    actions        text[],
    primary key (tenant_id, policy_id, policy_version, position),
    foreign key (tenant_id, policy_id, policy_version) references dunning_policy (tenant_id, id, version)
);

insert into dunning_policy_step (tenant_id, policy_id, policy_version, position, code, name,
                                 offset_days, channels, template, minimum_amount, actions)
select p.tenant_id, p.id, p.version, s.no - 1, s.step ->> 'code', s.step ->> 'name',
       (s.step ->> 'offsetDays')::integer,
       case when jsonb_typeof(s.step -> 'channels') = 'array' then
           array(select c.value from jsonb_array_elements_text(s.step -> 'channels') with ordinality c(value, no)
                 order by c.no)
       end,
       s.step ->> 'template',
       (s.step ->> 'minimumAmount')::numeric,
       case when jsonb_typeof(s.step -> 'actions') = 'array' then
           array(select a.value from jsonb_array_elements_text(s.step -> 'actions') with ordinality a(value, no)
                 order by a.no)
       end
  from dunning_policy p
 cross join lateral jsonb_array_elements(p.steps::jsonb) with ordinality s(step, no);

alter table dunning_policy add column risk_class_list text[];
alter table dunning_policy add column segment_list text[];
update dunning_policy
   set risk_class_list = array(select r.value from jsonb_array_elements_text(risk_classes::jsonb)
                                   with ordinality r(value, no) order by r.no),
       segment_list    = array(select g.value from jsonb_array_elements_text(segments::jsonb)
                                   with ordinality g(value, no) order by g.no),
       contractual_rate = case when contractual_rate < 0 then null else contractual_rate end;
alter table dunning_policy drop column risk_classes;
alter table dunning_policy drop column segments;
alter table dunning_policy drop column steps;
alter table dunning_policy rename column risk_class_list to risk_classes;
alter table dunning_policy rename column segment_list to segments;
alter table dunning_policy alter column risk_classes set not null;
alter table dunning_policy alter column segments set not null;
