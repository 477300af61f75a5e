-- Operations: mobilization orders, drills and training, rescue service agreements, and the index behind
-- the nearest-capable-team search.

-- The team's province, category and supporting unit are copied onto the order (they are fixed at
-- registration), so that scope rules and figures need no join.
create table mobilization_order (
    id                    uuid primary key,
    team_id               uuid          not null references team (id),
    province              varchar(6)    not null,
    category              varchar(30)   not null,
    supporting_unit_id    uuid          not null,
    incident_type         varchar(50)   not null,
    severity              varchar(30)   not null,
    incident_province     varchar(6)    not null,
    incident_lat          double precision not null,
    incident_lon          double precision not null,
    incident_address      varchar(300),
    incident_description  varchar(2000) not null,
    status                varchar(20)   not null,
    issuer_level          varchar(20)   not null,
    issuer_region         varchar(6),
    issuer_org            uuid,
    issuer_sub            varchar(200)  not null,
    alarm_at              timestamptz   not null,
    issued_at             timestamptz   not null,
    acknowledged_at       timestamptz,
    departed_at           timestamptz,
    arrived_at            timestamptz,
    completed_at          timestamptz,
    cancelled_at          timestamptz,
    cancellation_reason   varchar(500),
    updated_at            timestamptz   not null,
    version               bigint        not null
);
-- a team has at most one open order: the database enforces it even when two orders race
create unique index mobilization_order_one_open_per_team on mobilization_order (team_id)
    where status in ('ISSUED', 'ACKNOWLEDGED', 'EN_ROUTE', 'ON_SITE');
create index mobilization_order_team_idx on mobilization_order (team_id, issued_at desc);
create index mobilization_order_alarm_idx on mobilization_order (alarm_at);
create index mobilization_order_province_idx on mobilization_order (province, issued_at desc);

-- Nearest capable team: only teams that can respond now are searched, by category, then inside a
-- latitude/longitude box around the incident (no PostGIS here; the box prefilter keeps the haversine
-- ranking to a handful of rows).
create index team_responding_location_idx on team (category, base_lat, base_lon)
    where status = 'ACTIVE' and readiness = 'STANDBY';

create table drill (
    id                uuid primary key,
    team_id           uuid          not null references team (id),
    held_on           date          not null,
    type              varchar(30)   not null,
    scenario          varchar(500)  not null,
    participants      integer       not null,
    duration_minutes  integer       not null,
    findings          varchar(4000),
    created_at        timestamptz   not null,
    version           bigint        not null
);
create index drill_team_idx on drill (team_id, held_on desc);

create table training_record (
    id           uuid primary key,
    team_id      uuid          not null references team (id),
    member_id    uuid          not null references member (id),
    trained_on   date          not null,
    hours        integer       not null,
    subject      varchar(200)  not null,
    created_at   timestamptz   not null
);
create index training_record_team_idx on training_record (team_id, trained_on);
create index training_record_member_idx on training_record (member_id);

create table service_agreement (
    id                      uuid primary key,
    enterprise_name         varchar(200)  not null,
    enterprise_credit_code  varchar(18)   not null,
    enterprise_province     varchar(6)    not null,
    team_id                 uuid          not null references team (id),
    province                varchar(6)    not null,
    category                varchar(30)   not null,
    supporting_unit_id      uuid          not null,
    coverage                varchar(2000) not null,
    starts_on               date          not null,
    ends_on                 date          not null,
    created_at              timestamptz   not null,
    updated_at              timestamptz   not null,
    version                 bigint        not null
);
create index service_agreement_team_idx on service_agreement (team_id, ends_on);
create index service_agreement_ends_idx on service_agreement (ends_on);
create index service_agreement_enterprise_province_idx on service_agreement (enterprise_province, ends_on);
