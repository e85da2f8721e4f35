-- One row per morning digest sent: the primary key lets only one node send a day's digest, and
-- sent_at is where the next digest's "breaches since the last digest" starts.
create table morning_digest (
    digest_date date primary key,
    sent_at     timestamp with time zone not null
);

-- false when the manager was not mailed separately (a repeat of a recent breach of the same case
-- and rule): the morning digest lists it instead.
alter table escalation add column mailed boolean default true not null;

-- the digest's two questions each morning: breaches raised since the last one, clocks due today
create index ix_escalation_raised on escalation (raised_at);
create index ix_clock_due_date on clock (due_date);
