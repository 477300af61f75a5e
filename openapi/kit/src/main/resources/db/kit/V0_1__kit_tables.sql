-- The tables of the service kit (openapi/kit), the same in every service: the audit trail (AuditTrail) and the
-- first responses of idempotent creations (IdempotentCreation). Version 0.1 runs before each service's V1.
-- Until they moved here, every service's V1 created them (KitTablesMove realigns databases migrated then).

create table audit_event (
    id              uuid primary key,
    at              timestamptz  not null,
    actor_sub       varchar(200) not null,
    actor_level     varchar(20)  not null,
    actor_region    varchar(6),
    actor_org       uuid,
    entity_type     varchar(50)  not null,
    entity_id       uuid         not null,
    action          varchar(50)  not null,
    changed_fields  text[]       not null,
    province        varchar(6)
);
create index audit_event_at_idx on audit_event (at desc);
create index audit_event_entity_idx on audit_event (entity_id);
create index audit_event_province_idx on audit_event (province, at desc);

create table idempotency_record (
    id               uuid primary key,
    caller_sub       varchar(200) not null,
    idempotency_key  varchar(100) not null,
    request_hash     varchar(64)  not null,
    status           integer      not null,
    body             text,
    location         varchar(500),
    etag             varchar(50),
    created_at       timestamptz  not null,
    constraint idempotency_record_unique unique (caller_sub, idempotency_key)
);
