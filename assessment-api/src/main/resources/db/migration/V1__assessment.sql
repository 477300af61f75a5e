-- assessment-api schema: standards (versioned, sections as JSON), assessments, evaluations, the outbox of
-- results for teams-api. The audit trail and idempotency records are the service kit's (its db/kit migration).

create table standard (
    id               uuid primary key,
    code             varchar(40)   not null,
    standard_version integer       not null,
    title            varchar(300)  not null,
    category         varchar(30)   not null,
    status           varchar(20)   not null,
    sections         jsonb         not null,
    grade1_min       double precision not null,
    grade2_min       double precision not null,
    grade3_min       double precision not null,
    validity_months  integer       not null,
    max_total        double precision not null,
    published_at     timestamptz,
    retired_at       timestamptz,
    created_at       timestamptz   not null,
    updated_at       timestamptz   not null,
    version          bigint        not null,
    constraint standard_code_version_unique unique (code, standard_version)
);
create index standard_category_status_idx on standard (category, status);
-- a code has at most one published version at a time
create unique index standard_one_published_per_code on standard (code) where status = 'PUBLISHED';

create table assessment (
    id                       uuid primary key,
    team_id                  uuid          not null,
    team_code                varchar(40)   not null,
    team_name                varchar(200)  not null,
    team_category            varchar(30)   not null,
    team_province            varchar(6)    not null,
    team_base_city           varchar(100),
    team_supporting_unit_id  uuid          not null,
    type                     varchar(20)   not null,
    status                   varchar(20)   not null,
    standard_id              uuid          not null references standard (id),
    standard_code            varchar(40)   not null,
    standard_version         integer       not null,
    assessor_org_id          uuid          not null,
    due_on                   date          not null,
    notes                    varchar(1000),
    scheduled_at             timestamptz   not null,
    scheduled_by_sub         varchar(200)  not null,
    scheduled_by_level       varchar(20)   not null,
    submitted_at             timestamptz,
    finalized_at             timestamptz,
    finalized_by_level       varchar(20),
    total_score              double precision,
    max_total                double precision,
    veto_triggered           boolean,
    grade                    varchar(10),
    valid_until              date,
    finalization_round       integer       not null default 0,
    appeal_reason            varchar(500),
    appealed_at              timestamptz,
    appealed_by              varchar(200),
    cancellation_reason      varchar(500),
    created_at               timestamptz   not null,
    updated_at               timestamptz   not null,
    version                  bigint        not null
);
create index assessment_team_idx on assessment (team_id, finalized_at desc);
create index assessment_scope_idx on assessment (team_province, team_category);
create index assessment_assessor_idx on assessment (assessor_org_id);
create index assessment_open_due_idx on assessment (due_on) where status in ('SCHEDULED', 'SUBMITTED');

create table evaluation (
    assessment_id    uuid primary key references assessment (id),
    lead_assessor    varchar(100),
    comments         varchar(5000),
    scores           jsonb         not null,
    equipment        jsonb,
    input_hash       varchar(64)   not null,
    total_score      double precision not null,
    max_total        double precision not null,
    veto_triggered   boolean       not null,
    indicated_grade  varchar(10)   not null,
    submitted_by     varchar(200)  not null,
    submitted_at     timestamptz   not null,
    updated_at       timestamptz   not null,
    version          bigint        not null
);

-- results waiting for (or delivered to) another service; written in the transaction that produced them
create table outbox_message (
    id               uuid primary key,
    idempotency_key  varchar(200)  not null,
    destination      varchar(50)   not null,
    aggregate_id     uuid          not null,
    payload          text          not null,
    created_at       timestamptz   not null,
    attempts         integer       not null default 0,
    next_attempt_at  timestamptz   not null,
    delivered_at     timestamptz,
    last_error       varchar(1000),
    constraint outbox_message_key_unique unique (destination, idempotency_key)
);
create index outbox_message_due_idx on outbox_message (next_attempt_at) where delivered_at is null;
create index outbox_message_aggregate_idx on outbox_message (aggregate_id, created_at desc);
