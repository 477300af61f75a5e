-- 10,000 teams spread over China as the rescue forces are: around each province's industrial areas, more
-- where mines, chemical parks and oil fields are (Shanxi, Inner Mongolia, Shaanxi, Guizhou, Shandong,
-- Xinjiang …), fewer in the municipalities and Tibet. Deterministic (setseed). Run against a migrated,
-- empty teams database:  psql -v teams=10000 -f bench/nearest-teams-seed.sql
\set ON_ERROR_STOP on
select setseed(0.42);
create temporary table province(code text, lat float8, lon float8, spread float8, weight float8, mining float8);
insert into province values
 ('110000',40.0,116.4,0.4,1,0.1),('120000',39.2,117.3,0.3,1,0.05),('130000',38.6,115.5,1.5,5,0.4),
 ('140000',37.6,112.3,1.2,9,0.7),('150000',41.5,112.0,3.5,7,0.6),('210000',41.6,122.8,1.5,4,0.4),
 ('220000',43.7,126.0,1.5,2,0.3),('230000',46.5,128.0,2.5,4,0.5),('310000',31.2,121.5,0.3,1,0.0),
 ('320000',32.8,119.5,1.2,5,0.15),('330000',29.5,120.2,1.2,3,0.05),('340000',32.0,117.2,1.3,5,0.5),
 ('350000',26.0,118.0,1.3,3,0.3),('360000',27.6,115.8,1.3,3,0.4),('370000',36.3,118.0,1.5,7,0.4),
 ('410000',34.0,113.5,1.5,6,0.5),('420000',30.8,112.3,1.5,4,0.3),('430000',27.6,111.7,1.5,4,0.5),
 ('440000',23.3,113.5,1.4,4,0.05),('450000',23.6,108.5,1.5,2,0.3),('460000',19.5,109.8,0.6,1,0.05),
 ('500000',29.8,107.0,0.8,3,0.5),('510000',30.3,103.8,2.0,6,0.4),('520000',26.7,106.6,1.3,6,0.8),
 ('530000',25.0,102.0,2.0,4,0.5),('540000',30.0,91.0,3.0,1,0.3),('610000',35.5,109.0,1.8,6,0.6),
 ('620000',37.0,103.5,3.0,3,0.4),('630000',36.5,98.5,3.0,1,0.4),('640000',37.8,106.2,0.8,2,0.6),
 ('650000',43.0,86.0,4.0,4,0.4),('660000',44.3,86.0,1.5,1,0.2);
create temporary table cumulative as
select code, lat, lon, spread, mining,
       sum(weight) over (order by code) / sum(weight) over () - weight / sum(weight) over () as lo,
       sum(weight) over (order by code) / sum(weight) over () as hi
from province;

delete from team where code like 'NB-%';
delete from supporting_unit where credit_code like 'NB%';

insert into supporting_unit (id, name, credit_code, province, address, contact_name, contact_phone, created_at, updated_at, version)
select md5('nb-unit' || c.code)::uuid, '应急救援依托企业' || c.code, 'NB' || c.code || '0000000000', c.code, '地址', '联系人',
       '010-12345678', now(), now(), 0
from cumulative c;

insert into team (id, code, name, category, specialties, province, supporting_unit_id, base_lat, base_lon, base_address, base_city,
                  duty_phone, status, readiness, grade, grade_valid_until, exit_proposed, headcount, created_at, updated_at, version)
select md5('nb-team' || r.i)::uuid, 'NB-' || lpad(r.i::text, 6, '0'), '国家安全生产应急救援队' || r.i,
       case when r.c < p.mining then 'MINING'
            else (array['HAZARDOUS_CHEMICALS','OIL_GAS','TUNNEL_CONSTRUCTION','OTHER'])[1 + floor(r.c2 * 4)::int] end,
       '{}', p.code, md5('nb-unit' || p.code)::uuid,
       -- a normal spread around the province's industrial centre (Box–Muller)
       least(53.5, greatest(18.2, p.lat + p.spread * sqrt(-2 * ln(r.u1)) * cos(2 * pi() * r.u2))),
       least(134.7, greatest(73.6, p.lon + p.spread * sqrt(-2 * ln(r.u1)) * sin(2 * pi() * r.u2))),
       '基地', '城市', '0351-1234567',
       case when r.s < 0.9 then 'ACTIVE' when r.s < 0.95 then 'RECTIFICATION' else 'PROPOSED' end,
       case when r.d < 0.85 then 'STANDBY' when r.d < 0.93 then 'ON_MISSION' when r.d < 0.97 then 'RECOVERING' else 'UNAVAILABLE' end,
       (array['GRADE_1','GRADE_2','GRADE_3', null])[1 + floor(r.g * 4)::int], current_date + 365, false,
       20 + floor(r.g * 160)::int, now(), now(), 0
from (select i, random() as pick, greatest(1e-9, random()) as u1, random() as u2, random() as c, random() as c2,
             random() as s, random() as d, random() as g
      from generate_series(1, :teams) i) r
join cumulative p on r.pick >= p.lo and r.pick < p.hi;

-- specialties (the contract's Specialty) by category: the category's first always, each other one half the time
update team t set specialties = array(
    select s from unnest(case t.category
        when 'MINING' then array['MINE_FIRE','GAS_COAL_DUST_EXPLOSION','MINE_FLOODING','ROOF_FALL']
        when 'HAZARDOUS_CHEMICALS' then array['HAZARDOUS_CHEMICAL_LEAK','FIRE_EXPLOSION','HIGH_ANGLE_RESCUE']
        when 'OIL_GAS' then array['WELL_CONTROL','PIPELINE_LEAK','FIRE_EXPLOSION']
        when 'TUNNEL_CONSTRUCTION' then array['TUNNEL_COLLAPSE','BUILDING_COLLAPSE','EARTHQUAKE_SEARCH_RESCUE']
        else array['WATER_RESCUE','FLOOD_DRAINAGE','HIGH_ANGLE_RESCUE','EARTHQUAKE_SEARCH_RESCUE','GEOLOGICAL_DISASTER_RESCUE']
    end) with ordinality as u(s, n)
    where n = 1 or random() < 0.5)
where t.code like 'NB-%';

analyze team;
select count(*) as teams, count(*) filter (where status = 'ACTIVE' and readiness = 'STANDBY') as responding,
       count(distinct province) as provinces from team where code like 'NB-%';
