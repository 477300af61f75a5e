-- Webhooks of every service (cn.rescueforce.kit.webhooks; README, "Change feed and webhooks"): a caller's subscription
-- with its owner's scope (the feed is read as the owner), the feed position its changes are queued through (the
-- deliveries themselves are outbox messages, destination 'webhook', R__outbox.sql), and the log of its attempts.

create table webhook_subscription (
    id               uuid          primary key,
    owner_sub        varchar(200)  not null,
    owner_level      varchar(20)   not null,
    owner_region     varchar(6),
    owner_org        uuid,
    target_url       varchar(2000) not null,
    event_types      varchar(4000) not null,
    description      varchar(500),
    secret           varchar(100)  not null,
    state            varchar(20)   not null,
    position         bigint        not null,
    created_at       timestamptz   not null,
    disabled_at      timestamptz,
    disabled_reason  varchar(1000),
    constraint webhook_subscription_state_check check (state in ('ACTIVE', 'DISABLED')),
    constraint webhook_subscription_disabled_check check (state <> 'DISABLED' or (disabled_at is not null
        and disabled_reason is not null))
);
create index webhook_subscription_owner_idx on webhook_subscription (owner_sub, created_at, id);
-- what the dispatcher walks every run
create index webhook_subscription_active_idx on webhook_subscription (position) where state = 'ACTIVE';

create table webhook_attempt (
    id               uuid          primary key,
    subscription_id  uuid          not null references webhook_subscription (id) on delete cascade,
    delivery_id      uuid,
    webhook_id       uuid          not null,
    event_type       varchar(80)   not null,
    attempted_at     timestamptz   not null,
    duration_ms      bigint        not null,
    status           integer,
    error            varchar(1000),
    succeeded        boolean       not null
);
create index webhook_attempt_subscription_idx on webhook_attempt (subscription_id, attempted_at desc);
create index webhook_attempt_delivery_idx on webhook_attempt (delivery_id, attempted_at desc);
