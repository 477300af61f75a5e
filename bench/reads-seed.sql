-- The registry of bench/reads.sh: supporting units and teams over all 32 provincial-level divisions (as
-- bench/seed-registry.sql, without members: a team's headcount is a column of the team, and clear member data
-- would start the personal-data encryption job during the measurements), and the reference application's
-- ref_team table with as many rows, keyed 1..teams. Run against an empty, migrated teams database.
\set ON_ERROR_STOP on
create temporary table province(code text, n int);
insert into province values ('110000',1),('120000',2),('130000',3),('140000',4),('150000',5),('210000',6),('220000',7),
 ('230000',8),('310000',9),('320000',10),('330000',11),('340000',12),('350000',13),('360000',14),('370000',15),('410000',16),
 ('420000',17),('430000',18),('440000',19),('450000',20),('460000',21),('500000',22),('510000',23),('520000',24),('530000',25),
 ('540000',26),('610000',27),('620000',28),('630000',29),('640000',30),('650000',31),('660000',32);

insert into supporting_unit (id, name, credit_code, province, address, contact_name, contact_phone, created_at, updated_at, version)
select md5('unit' || i)::uuid, '应急救援依托企业' || i, 'BENCH' || lpad(i::text, 13, '0'), p.code, '地址' || i, '联系人', '010-12345678', now(), now(), 0
from generate_series(1, :units) i join province p on p.n = 1 + i % 32;

insert into team (id, code, name, category, specialties, province, supporting_unit_id, base_lat, base_lon, base_address, base_city,
                  duty_phone, status, readiness, grade, grade_valid_until, exit_proposed, headcount, created_at, updated_at, version)
select md5('team' || i)::uuid, 'B-' || lpad(i::text, 6, '0'), '国家安全生产应急救援队' || i,
       (array['MINING','HAZARDOUS_CHEMICALS','OIL_GAS','TUNNEL_CONSTRUCTION','OTHER'])[1 + i % 5], '{MINE_FIRE,MINE_FLOODING}',
       u.province, u.id, 22 + (i * 7919 % 2000) / 100.0, 80 + (i * 104729 % 4000) / 100.0, '基地' || i, '城市' || i,
       '0831-4561119', (array['ACTIVE','ACTIVE','ACTIVE','PROPOSED','RECTIFICATION'])[1 + i % 5], 'STANDBY',
       (array['GRADE_1','GRADE_2','GRADE_3'])[1 + i % 3], current_date + 365, false, 40, now(), now(), 0
from generate_series(1, :teams) i join supporting_unit u on u.id = md5('unit' || (1 + i % :units))::uuid;

-- the reference's rows: the same teams, flattened as a bare application would keep them
create table ref_team (n int primary key, id uuid not null, code text, name text, category text, province text, unit_id uuid,
                       status text, lat double precision, lon double precision, version int);
insert into ref_team
select row_number() over (order by t.id), t.id, t.code, t.name, t.category, t.province, t.supporting_unit_id, t.status,
       t.base_lat, t.base_lon, t.version
from team t;

analyze;
