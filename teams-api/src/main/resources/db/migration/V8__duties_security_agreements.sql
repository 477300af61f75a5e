-- What the teams do between rescues (preventive inspections, technical services, outreach), what protects their
-- members (insurance policies, injuries on duty), and service agreements with a lifecycle. Rows copy their team's
-- province, category and supporting unit (fixed at registration) so that the scope rule applies to them directly.

create table preventive_inspection (
    id                      uuid primary key,
    team_id                 uuid          not null references team (id),
    province                varchar(6)    not null,
    category                varchar(30)   not null,
    supporting_unit_id      uuid          not null,
    enterprise_name         varchar(200)  not null,
    enterprise_credit_code  varchar(18)   not null,
    inspected_on            date          not null,
    hazards_found           integer       not null,
    rectification_advice    varchar(4000),
    follow_up_on            date,
    created_at              timestamptz   not null,
    version                 bigint        not null
);
create index preventive_inspection_team_idx on preventive_inspection (team_id, inspected_on desc);
create index preventive_inspection_province_idx on preventive_inspection (province, inspected_on desc);

create table hazard_finding (
    id             uuid primary key,
    inspection_id  uuid         not null references preventive_inspection (id),
    kind           varchar(40)  not null,
    found          integer      not null,
    unique (inspection_id, kind)
);
create index hazard_finding_kind_idx on hazard_finding (kind, inspection_id);

create table technical_service (
    id                  uuid primary key,
    team_id             uuid          not null references team (id),
    province            varchar(6)    not null,
    category            varchar(30)   not null,
    supporting_unit_id  uuid          not null,
    kind                varchar(40)   not null,
    client              varchar(200)  not null,
    started_on          date          not null,
    days                integer       not null,
    description         varchar(2000),
    created_at          timestamptz   not null,
    version             bigint        not null
);
create index technical_service_team_idx on technical_service (team_id, started_on desc);
create index technical_service_province_idx on technical_service (province, started_on desc);

create table outreach_activity (
    id                  uuid primary key,
    team_id             uuid          not null references team (id),
    province            varchar(6)    not null,
    category            varchar(30)   not null,
    supporting_unit_id  uuid          not null,
    kind                varchar(30)   not null,
    held_on             date          not null,
    audience            varchar(40)   not null,
    topic               varchar(500)  not null,
    participants        integer       not null,
    created_at          timestamptz   not null,
    version             bigint        not null
);
create index outreach_activity_team_idx on outreach_activity (team_id, held_on desc);
create index outreach_activity_province_idx on outreach_activity (province, held_on desc);

-- the policy number is personal data: only encrypted (as member.phone, README "Personal data at rest")
create table insurance_policy (
    id                       uuid primary key,
    member_id                uuid           not null references member (id),
    team_id                  uuid           not null references team (id),
    province                 varchar(6)     not null,
    category                 varchar(30)    not null,
    supporting_unit_id       uuid           not null,
    kind                     varchar(30)    not null,
    insurer                  varchar(200)   not null,
    policy_number_encrypted  varchar(400)   not null,
    sum_insured              numeric(14, 2) not null,
    valid_from               date           not null,
    valid_to                 date           not null,
    created_at               timestamptz    not null,
    updated_at               timestamptz    not null,
    version                  bigint         not null
);
create index insurance_policy_member_idx on insurance_policy (member_id, kind, valid_to);
create index insurance_policy_team_idx on insurance_policy (team_id, kind, valid_to);

create table duty_injury (
    id                      uuid primary key,
    member_id               uuid          not null references member (id),
    team_id                 uuid          not null references team (id),
    province                varchar(6)    not null,
    category                varchar(30)   not null,
    supporting_unit_id      uuid          not null,
    occurred_on             date          not null,
    mobilization_order_id   uuid          references mobilization_order (id),
    drill_id                uuid          references drill (id),
    severity                varchar(20)   not null,
    recognized_work_injury  boolean       not null,
    days_lost               integer       not null,
    description             varchar(2000),
    created_at              timestamptz   not null,
    version                 bigint        not null,
    check ((mobilization_order_id is null) <> (drill_id is null))
);
create index duty_injury_member_idx on duty_injury (member_id, occurred_on desc);
create index duty_injury_team_idx on duty_injury (team_id, occurred_on desc);

-- service agreements: a status, a reason when terminated, the term they renew, the enterprise's location and how
-- far the team's base is from it. Existing agreements are ACTIVE, or EXPIRED once their end has passed.
alter table service_agreement
    add column status                 varchar(20)   not null default 'ACTIVE',
    add column termination_reason     varchar(2000),
    add column terminated_at          timestamptz,
    add column terminated_by_level    varchar(20),
    add column expired_at             timestamptz,
    add column previous_agreement_id  uuid          references service_agreement (id),
    add column enterprise_lat         double precision,
    add column enterprise_lon         double precision,
    add column distance_km            double precision,
    add column beyond_distance_limit  boolean       not null default false;
update service_agreement set status = 'EXPIRED', expired_at = now() where ends_on < current_date;
alter table service_agreement alter column status drop default;
-- one renewal per term
create unique index service_agreement_previous_unique on service_agreement (previous_agreement_id)
    where previous_agreement_id is not null;
create index service_agreement_enterprise_team_idx on service_agreement (enterprise_credit_code, team_id, status);
create index service_agreement_status_idx on service_agreement (status, ends_on);
