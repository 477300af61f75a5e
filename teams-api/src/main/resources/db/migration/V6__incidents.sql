-- Incidents under one on-site command center (README "Incidents"): mobilization orders belong to one, situation
-- reports come from its teams and its command center, and a closed incident keeps its closing record.
create table incident (
    id                    uuid primary key,
    type                  varchar(40)   not null,
    category              varchar(30)   not null,
    title                 varchar(200)  not null,
    description           varchar(2000),
    lat                   double precision not null,
    lon                   double precision not null,
    address               varchar(300),
    lead_province         varchar(6)    not null,
    -- every province of the incident as ",510000,500000," (the lead first), so that one "like" finds a province
    provinces             varchar(80)   not null,
    severity              varchar(30)   not null,
    occurred_at           timestamptz   not null,
    supporting_unit_id    uuid,
    commander             varchar(100),
    commander_phone       varchar(30),
    command_post_lat      double precision,
    command_post_lon      double precision,
    command_post_address  varchar(300),
    status                varchar(20)   not null,
    opener_level          varchar(20)   not null,
    opener_region         varchar(6),
    opener_org            uuid,
    opener_sub            varchar(200)  not null,
    opened_at             timestamptz   not null,
    contained_at          timestamptz,
    closed_at             timestamptz,
    summary               varchar(4000),
    lessons_learned       varchar(4000),
    updated_at            timestamptz   not null,
    version               bigint        not null
);
create index incident_occurred_idx on incident (occurred_at desc);
create index incident_lead_province_idx on incident (lead_province, occurred_at desc);
create index incident_unit_idx on incident (supporting_unit_id) where supporting_unit_id is not null;
create index incident_closed_idx on incident (closed_at desc) where status = 'CLOSED';

-- One incident per order issued before incidents existed: its facts are the order's (the incident's id is the
-- order's), its type follows the team's category (or the order's own type when it names a natural disaster),
-- and it is CLOSED, without a closing record, when the order is over.
insert into incident (id, type, category, title, description, lat, lon, address, lead_province, provinces, severity,
                      occurred_at, supporting_unit_id, status, opener_level, opener_region, opener_org, opener_sub,
                      opened_at, closed_at, updated_at, version)
select o.id,
       case when o.incident_type in ('FLOOD', 'EARTHQUAKE', 'LANDSLIDE', 'FOREST_FIRE', 'TYPHOON') then o.incident_type
            when o.category = 'MINING' then 'MINING_ACCIDENT'
            when o.category = 'HAZARDOUS_CHEMICALS' then 'HAZARDOUS_CHEMICALS_ACCIDENT'
            when o.category = 'OIL_GAS' then 'OIL_GAS_ACCIDENT'
            when o.category = 'TUNNEL_CONSTRUCTION' then 'TUNNEL_CONSTRUCTION_ACCIDENT'
            else 'OTHER_PRODUCTION_SAFETY_ACCIDENT' end,
       case when o.incident_type in ('FLOOD', 'EARTHQUAKE', 'LANDSLIDE', 'FOREST_FIRE', 'TYPHOON') then 'NATURAL_DISASTER'
            else 'PRODUCTION_SAFETY' end,
       left(o.incident_description, 200), o.incident_description, o.incident_lat, o.incident_lon, o.incident_address,
       o.incident_province, ',' || o.incident_province || ',', o.severity, o.alarm_at,
       case when o.issuer_level = 'UNIT' then o.issuer_org end,
       case when o.status in ('COMPLETED', 'CANCELLED') then 'CLOSED' else 'OPEN' end,
       o.issuer_level, o.issuer_region, o.issuer_org, o.issuer_sub, o.issued_at,
       case when o.status in ('COMPLETED', 'CANCELLED') then coalesce(o.completed_at, o.cancelled_at) end,
       o.updated_at, 0
from mobilization_order o;

alter table mobilization_order add column incident_id uuid references incident (id);
update mobilization_order set incident_id = id;
alter table mobilization_order alter column incident_id set not null;
alter table mobilization_order add column task varchar(30);
-- the steps reported after the fact (occurredAt), as ",EN_ROUTE,ON_SITE,"; null when none
alter table mobilization_order add column late_steps varchar(60);
create index mobilization_order_incident_idx on mobilization_order (incident_id);

create table situation_report (
    id                  uuid primary key,
    incident_id         uuid          not null references incident (id),
    source              varchar(20)   not null,
    order_id            uuid references mobilization_order (id),
    team_id             uuid,
    -- the reporting team's facts (copied from its order), so that the team scope applies to the report directly
    province            varchar(6),
    category            varchar(30),
    supporting_unit_id  uuid,
    observed_at         timestamptz   not null,
    reported_at         timestamptz   not null,
    reporter_level      varchar(20)   not null,
    reporter_region     varchar(6),
    reporter_org        uuid,
    reporter_sub        varchar(200)  not null,
    rescued_alive       integer       not null,
    bodies_recovered    integer       not null,
    evacuated           integer       not null,
    rescuers_injured    integer       not null,
    -- the needs as the contract's JSON array of SituationNeed
    needs               text          not null,
    text                varchar(4000)
);
create index situation_report_incident_idx on situation_report (incident_id, observed_at);
