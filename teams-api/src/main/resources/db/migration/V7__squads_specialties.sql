-- Squads and the duty roster; specialties as a controlled vocabulary (the contract's Specialty); the nearest-team
-- search on a distance index.

-- A team is organised in squads; a member serves in one squad at most (a member belongs to one team, so one row
-- per member). A disbanded squad stays on record for the duty periods it stood; its members are released.
create table squad (
    id            uuid primary key,
    team_id       uuid          not null references team (id),
    name          varchar(100)  not null,
    leader_id     uuid          not null references member (id),
    created_at    timestamptz   not null,
    updated_at    timestamptz   not null,
    disbanded_at  timestamptz,
    version       bigint        not null
);
create unique index squad_name_unique on squad (team_id, name) where disbanded_at is null;
create index squad_team_idx on squad (team_id, name);

create table squad_member (
    squad_id   uuid not null references squad (id),
    member_id  uuid not null references member (id),
    primary key (squad_id, member_id)
);
create unique index squad_member_one_squad on squad_member (member_id);

-- Which squad is on duty when: [starts_at, ends_at). The service keeps a team's periods apart under the team's lock.
create table duty_period (
    id            uuid primary key,
    team_id       uuid          not null references team (id),
    squad_id      uuid          not null references squad (id),
    starts_at     timestamptz   not null,
    ends_at       timestamptz   not null,
    created_at    timestamptz   not null,
    cancelled_at  timestamptz,
    version       bigint        not null,
    constraint duty_period_ends_after_start check (ends_at > starts_at)
);
create index duty_period_team_idx on duty_period (team_id, starts_at) where cancelled_at is null;
create index duty_period_squad_idx on duty_period (squad_id, ends_at) where cancelled_at is null;

-- Specialties: the free texts registered so far become values of the vocabulary. Known texts, English words as the
-- API took them and Chinese names, are mapped after normalisation (trimmed, upper case, spaces and hyphens as
-- underscores); one text may name two values (PIPELINE_FIRE). A text that maps to nothing is kept, per team, in
-- unmapped_specialty (README, "Squads, duty roster and specialties") and taken off the team, never dropped unseen.
create temporary table specialty_alias (alias text not null, specialty varchar(40) not null) on commit drop;
insert into specialty_alias (alias, specialty) values
    ('MINE_FIRE', 'MINE_FIRE'), ('MINE_FIRES', 'MINE_FIRE'), ('UNDERGROUND_FIRE', 'MINE_FIRE'), ('矿井火灾', 'MINE_FIRE'),
    ('矿山火灾', 'MINE_FIRE'), ('井下火灾', 'MINE_FIRE'),
    ('GAS_COAL_DUST_EXPLOSION', 'GAS_COAL_DUST_EXPLOSION'), ('GAS_EXPLOSION', 'GAS_COAL_DUST_EXPLOSION'),
    ('COAL_DUST_EXPLOSION', 'GAS_COAL_DUST_EXPLOSION'), ('GAS_OUTBURST', 'GAS_COAL_DUST_EXPLOSION'),
    ('瓦斯煤尘爆炸', 'GAS_COAL_DUST_EXPLOSION'), ('瓦斯爆炸', 'GAS_COAL_DUST_EXPLOSION'), ('煤尘爆炸', 'GAS_COAL_DUST_EXPLOSION'),
    ('煤与瓦斯突出', 'GAS_COAL_DUST_EXPLOSION'),
    ('MINE_FLOODING', 'MINE_FLOODING'), ('FLOODING', 'MINE_FLOODING'), ('MINE_FLOOD', 'MINE_FLOODING'),
    ('WATER_INRUSH', 'MINE_FLOODING'), ('矿井水灾', 'MINE_FLOODING'), ('透水', 'MINE_FLOODING'), ('矿井透水', 'MINE_FLOODING'),
    ('ROOF_FALL', 'ROOF_FALL'), ('ROOF_COLLAPSE', 'ROOF_FALL'), ('ROOF_FALLS', 'ROOF_FALL'), ('冒顶片帮', 'ROOF_FALL'),
    ('冒顶', 'ROOF_FALL'),
    ('HAZARDOUS_CHEMICAL_LEAK', 'HAZARDOUS_CHEMICAL_LEAK'), ('HAZMAT_LEAK', 'HAZARDOUS_CHEMICAL_LEAK'),
    ('HAZMAT', 'HAZARDOUS_CHEMICAL_LEAK'), ('CHEMICAL_LEAK', 'HAZARDOUS_CHEMICAL_LEAK'),
    ('危化品泄漏', 'HAZARDOUS_CHEMICAL_LEAK'), ('危险化学品泄漏', 'HAZARDOUS_CHEMICAL_LEAK'),
    ('FIRE_EXPLOSION', 'FIRE_EXPLOSION'), ('FIRE_AND_EXPLOSION', 'FIRE_EXPLOSION'), ('火灾爆炸', 'FIRE_EXPLOSION'),
    ('PIPELINE_FIRE', 'FIRE_EXPLOSION'),
    ('WELL_CONTROL', 'WELL_CONTROL'), ('BLOWOUT', 'WELL_CONTROL'), ('WELL_BLOWOUT', 'WELL_CONTROL'), ('井控', 'WELL_CONTROL'),
    ('井喷', 'WELL_CONTROL'),
    ('PIPELINE_LEAK', 'PIPELINE_LEAK'), ('PIPELINE_FIRE', 'PIPELINE_LEAK'), ('管道泄漏', 'PIPELINE_LEAK'),
    ('TUNNEL_COLLAPSE', 'TUNNEL_COLLAPSE'), ('隧道坍塌', 'TUNNEL_COLLAPSE'), ('隧道塌方', 'TUNNEL_COLLAPSE'),
    ('HIGH_ANGLE_RESCUE', 'HIGH_ANGLE_RESCUE'), ('ROPE_RESCUE', 'HIGH_ANGLE_RESCUE'), ('高空救援', 'HIGH_ANGLE_RESCUE'),
    ('高处救援', 'HIGH_ANGLE_RESCUE'),
    ('WATER_RESCUE', 'WATER_RESCUE'), ('水域救援', 'WATER_RESCUE'), ('水上救援', 'WATER_RESCUE'),
    ('EARTHQUAKE_SEARCH_RESCUE', 'EARTHQUAKE_SEARCH_RESCUE'), ('EARTHQUAKE_RESCUE', 'EARTHQUAKE_SEARCH_RESCUE'),
    ('USAR', 'EARTHQUAKE_SEARCH_RESCUE'), ('地震搜救', 'EARTHQUAKE_SEARCH_RESCUE'), ('地震救援', 'EARTHQUAKE_SEARCH_RESCUE'),
    ('HIGH_RISE_BUILDING_RESCUE', 'HIGH_RISE_BUILDING_RESCUE'), ('HIGH_RISE_RESCUE', 'HIGH_RISE_BUILDING_RESCUE'),
    ('高层建筑救援', 'HIGH_RISE_BUILDING_RESCUE'),
    ('BUILDING_COLLAPSE', 'BUILDING_COLLAPSE'), ('STRUCTURAL_COLLAPSE', 'BUILDING_COLLAPSE'), ('建筑坍塌', 'BUILDING_COLLAPSE'),
    ('建筑物倒塌', 'BUILDING_COLLAPSE'),
    ('FLOOD_DRAINAGE', 'FLOOD_DRAINAGE'), ('DRAINAGE', 'FLOOD_DRAINAGE'), ('抢险排涝', 'FLOOD_DRAINAGE'), ('排涝', 'FLOOD_DRAINAGE'),
    ('GEOLOGICAL_DISASTER_RESCUE', 'GEOLOGICAL_DISASTER_RESCUE'), ('GEOLOGICAL_DISASTER', 'GEOLOGICAL_DISASTER_RESCUE'),
    ('LANDSLIDE', 'GEOLOGICAL_DISASTER_RESCUE'), ('地质灾害', 'GEOLOGICAL_DISASTER_RESCUE'),
    ('地质灾害救援', 'GEOLOGICAL_DISASTER_RESCUE'), ('滑坡', 'GEOLOGICAL_DISASTER_RESCUE');
create temporary table specialty_mapping on commit drop as select distinct alias, specialty from specialty_alias;

create table unmapped_specialty (
    team_id      uuid          not null references team (id),
    original     varchar(200)  not null,
    migrated_at  timestamptz   not null default now(),
    primary key (team_id, original)
);

create temporary table team_specialty on commit drop as
select t.id as team_id, u.original, u.position,
       upper(regexp_replace(btrim(u.original), '[[:space:]-]+', '_', 'g')) as alias
from team t, unnest(t.specialties) with ordinality as u(original, position);

insert into unmapped_specialty (team_id, original)
select distinct s.team_id, left(s.original, 200)
from team_specialty s
where not exists (select 1 from specialty_mapping m where m.alias = s.alias);

-- the values in the order the team first named them; a team whose list changes gets a new version (stale ETags)
with mapped as (
    select s.team_id, m.specialty, min(s.position) as position
    from team_specialty s join specialty_mapping m on m.alias = s.alias
    group by s.team_id, m.specialty
), lists as (
    select t.id, coalesce((select array_agg(m.specialty order by m.position, m.specialty) from mapped m where m.team_id = t.id),
                          '{}') as specialties
    from team t
)
update team t set specialties = l.specialties, version = t.version + 1, updated_at = now()
from lists l
where l.id = t.id and t.specialties is distinct from l.specialties::text[];

-- Nearest capable team: the base as a point on the unit sphere (cube, a trusted extension: the database owner may
-- create it). The straight-line distance between two such points grows with the great-circle distance, so a GiST
-- index on it answers "nearest first" (k-nearest-neighbour order, `<->`) exactly, in one index scan, whatever the
-- other filters; the haversine distance is computed for the teams returned only.
create extension if not exists cube;
create function earth_point(lat double precision, lon double precision) returns cube
    language sql immutable strict parallel safe
    as $$ select cube(array[cos(radians(lat)) * cos(radians(lon)), cos(radians(lat)) * sin(radians(lon)), sin(radians(lat))]) $$;
create index team_responding_earth_point_idx on team using gist (earth_point(base_lat, base_lon))
    where status = 'ACTIVE' and readiness = 'STANDBY';
-- teams with given specialties (any: &&, all: @>)
create index team_responding_specialties_idx on team using gin (specialties)
    where status = 'ACTIVE' and readiness = 'STANDBY';
