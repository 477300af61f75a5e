-- The transactional outbox of every service (cn.rescueforce.kit.outbox): a message written in the transaction that
-- made the change, delivered by the relay until acknowledged (assessment-api's results for teams-api, webhook
-- deliveries). Repeatable, so it runs after every versioned migration and again whenever it changes: each statement
-- must leave an existing table as it is. assessment-api created the table in its own V1 and V3 (never edited); this
-- creates the same shape where it is missing and adds what came later.

create table if not exists outbox_message (
    id                uuid primary key,
    idempotency_key   varchar(200)  not null,
    destination       varchar(50)   not null,
    aggregate_id      uuid          not null,
    payload           text          not null,
    created_at        timestamptz   not null,
    attempts          integer       not null default 0,
    next_attempt_at   timestamptz   not null,
    delivered_at      timestamptz,
    last_error        varchar(1000),
    state             varchar(20)   not null,
    round_started_at  timestamptz   not null,
    round_attempts    integer       not null default 0,
    last_error_status integer,
    parked_at         timestamptz,
    parking_cause     varchar(20),
    parking_reason    varchar(500),
    discarded_at      timestamptz,
    discarded_by      varchar(200),
    discard_reason    varchar(500),
    constraint outbox_message_key_unique unique (destination, idempotency_key),
    constraint outbox_message_state_check check (state in ('PENDING', 'DELIVERED', 'PARKED', 'DISCARDED')),
    constraint outbox_message_parking_cause_check check (parking_cause in ('PERMANENT', 'GAVE_UP')),
    constraint outbox_message_parked_check check (state <> 'PARKED' or (parked_at is not null and parking_cause is not null
        and parking_reason is not null)),
    constraint outbox_message_discarded_check check (state <> 'DISCARDED' or (discarded_at is not null
        and discarded_by is not null and discard_reason is not null))
);
create index if not exists outbox_message_due_idx on outbox_message (next_attempt_at) where state = 'PENDING';
create index if not exists outbox_message_pending_round_idx on outbox_message (round_started_at) where state = 'PENDING';
create index if not exists outbox_message_parked_idx on outbox_message (created_at, id) where state = 'PARKED';
create index if not exists outbox_message_aggregate_idx on outbox_message (aggregate_id, created_at desc);

-- messages delivered in order (a webhook subscription's events in feed order, OutboxRelay): one is attempted only
-- while no earlier pending one shares its key
alter table outbox_message add column if not exists ordering_key varchar(100);
alter table outbox_message add column if not exists ordering_position bigint;
create index if not exists outbox_message_ordering_idx on outbox_message (ordering_key, ordering_position)
    where state = 'PENDING' and ordering_key is not null;
