-- teams-api schema: supporting units, teams and their lifecycle history, members, certificates.
-- The audit trail and idempotency records are the service kit's (its db/kit migration).

create table supporting_unit (
    id             uuid primary key,
    name           varchar(200) not null,
    credit_code    varchar(18)  not null,
    province       varchar(6)   not null,
    address        varchar(300),
    contact_name   varchar(100),
    contact_phone  varchar(30),
    created_at     timestamptz  not null,
    updated_at     timestamptz  not null,
    version        bigint       not null,
    constraint supporting_unit_credit_code_unique unique (credit_code)
);
create index supporting_unit_province_idx on supporting_unit (province, name);

create table team (
    id                  uuid primary key,
    code                varchar(40)  not null,
    name                varchar(200) not null,
    category            varchar(30)  not null,
    specialties         text[]       not null default '{}',
    province            varchar(6)   not null,
    supporting_unit_id  uuid         not null references supporting_unit (id),
    base_lat            double precision not null,
    base_lon            double precision not null,
    base_address        varchar(300),
    base_city           varchar(100),
    duty_phone          varchar(30)  not null,
    status              varchar(20)  not null,
    readiness           varchar(20)  not null,
    grade               varchar(10),
    grade_valid_until   date,
    exit_proposed       boolean      not null default false,
    headcount           integer      not null default 0,
    created_at          timestamptz  not null,
    updated_at          timestamptz  not null,
    version             bigint       not null,
    constraint team_code_unique unique (code)
);
create index team_province_category_idx on team (province, category);
create index team_supporting_unit_idx on team (supporting_unit_id);
create index team_status_idx on team (status);

create table team_status_change (
    id            uuid primary key,
    team_id       uuid         not null references team (id),
    action        varchar(30)  not null,
    from_status   varchar(20),
    to_status     varchar(20)  not null,
    reason        varchar(500) not null,
    actor_sub     varchar(200) not null,
    actor_level   varchar(20)  not null,
    actor_region  varchar(6),
    at            timestamptz  not null
);
create index team_status_change_team_idx on team_status_change (team_id, at desc);

create table member (
    id              uuid primary key,
    team_id         uuid         not null references team (id),
    name            varchar(100) not null,
    role            varchar(30)  not null,
    talent_type     varchar(30)  not null,
    id_number       varchar(18)  not null,
    phone           varchar(30),
    joined_on       date         not null,
    status          varchar(20)  not null,
    training_hours  integer      not null default 0,
    created_at      timestamptz  not null,
    updated_at      timestamptz  not null,
    version         bigint       not null
);
create index member_team_idx on member (team_id, name);
-- a person serves in one team at a time: the ID number is unique among members who have not left
create unique index member_id_number_serving_unique on member (id_number) where status <> 'LEFT';

create table certificate (
    id                  uuid primary key,
    member_id           uuid         not null references member (id),
    name                varchar(200) not null,
    certificate_number  varchar(100),
    issuer              varchar(200) not null,
    issued_on           date         not null,
    expires_on          date,
    created_at          timestamptz  not null
);
create index certificate_member_idx on certificate (member_id);
create index certificate_expires_idx on certificate (expires_on) where expires_on is not null;
