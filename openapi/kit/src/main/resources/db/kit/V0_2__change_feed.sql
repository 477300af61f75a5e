-- The change feed of every service (cn.rescueforce.kit.changes): one row per committed change, numbered in commit
-- order (ChangeRecorder takes the position under a transaction-scoped advisory lock, just before the commit), with
-- who may see it (Audience) and the entity as a read answers it. Kept for the retention (ChangeFeed.purge), which
-- remembers the last position it deleted so that an older cursor is answered cursor-expired.

create sequence change_event_position;

create table change_event (
    position        bigint       primary key,
    id              uuid         not null unique,
    type            varchar(80)  not null,
    entity_type     varchar(50)  not null,
    entity_id       uuid         not null,
    entity_version  bigint,
    occurred_at     timestamptz  not null,
    actor_level     varchar(20)  not null,
    audience        varchar(10)  not null,
    province        varchar(6),
    mining          boolean      not null,
    unit            uuid,
    assessor_org    uuid,
    levels          varchar(100),
    every_of        varchar(100),
    also_province   varchar(6),
    body            text         not null,
    personal_data   boolean      not null
);
create index change_event_occurred_idx on change_event (occurred_at);
create index change_event_province_idx on change_event (province, position);
create index change_event_unit_idx on change_event (unit, position) where unit is not null;
create index change_event_assessor_idx on change_event (assessor_org, position) where assessor_org is not null;

create table change_feed_horizon (
    purged_through  bigint not null
);
insert into change_feed_horizon (purged_through) values (0);
