-- The volume the figures (GET /api/v1/figures) must stay fast with: TEAMS teams over the 32 provincial-level
-- divisions and all categories, MEMBERS members (two certificates each), and YEARS years of drills (24 a team a year),
-- training records (2 a member a year), mobilization orders (4 a team a year, every step timed, each under its
-- incident), yearly work-injury policies (9 members in 10) and prevention work (22 records a team a year). Run against an
-- empty, migrated teams database: psql -v teams=150 -v members=25000 -v years=5 -f bench/figures-seed.sql
\set ON_ERROR_STOP on
create temporary table province(code text, n int);
insert into province values ('110000',0),('120000',1),('130000',2),('140000',3),('150000',4),('210000',5),('220000',6),
 ('230000',7),('310000',8),('320000',9),('330000',10),('340000',11),('350000',12),('360000',13),('370000',14),('410000',15),
 ('420000',16),('430000',17),('440000',18),('450000',19),('460000',20),('500000',21),('510000',22),('520000',23),('530000',24),
 ('540000',25),('610000',26),('620000',27),('630000',28),('640000',29),('650000',30),('660000',31);

-- one supporting unit per two teams
insert into supporting_unit (id, name, credit_code, province, address, contact_name, contact_phone, created_at, updated_at, version)
select md5('funit' || i)::uuid, '应急救援依托企业' || i, 'FIGS' || lpad(i::text, 14, '0'), p.code, '地址' || i, '联系人', '010-12345678',
       now() - interval '8 years', now(), 0
from generate_series(0, (:teams - 1) / 2) i join province p on p.n = i % 32;

insert into team (id, code, name, category, specialties, province, supporting_unit_id, base_lat, base_lon, base_address, base_city,
                  duty_phone, status, readiness, grade, grade_valid_until, exit_proposed, headcount, created_at, updated_at, version)
select md5('fteam' || i)::uuid, 'F-' || lpad(i::text, 5, '0'), '国家安全生产应急救援队' || i,
       (array['MINING','MINING','HAZARDOUS_CHEMICALS','OIL_GAS','TUNNEL_CONSTRUCTION','OTHER'])[1 + i % 6], '{MINE_FIRE,MINE_FLOODING}',
       u.province, u.id, 22 + (i * 7919 % 2000) / 100.0, 80 + (i * 104729 % 4000) / 100.0, '基地' || i, '城市' || i, '0831-4561119',
       (array['ACTIVE','ACTIVE','ACTIVE','ACTIVE','ACTIVE','PROPOSED','RECTIFICATION','ACTIVE','ACTIVE','ACTIVE','ACTIVE','ACTIVE',
              'ACTIVE','ACTIVE','ACTIVE','ACTIVE','ACTIVE','ACTIVE','ACTIVE','EXITED'])[1 + i % 20],
       (array['STANDBY','STANDBY','STANDBY','STANDBY','STANDBY','STANDBY','ON_MISSION','RECOVERING','UNAVAILABLE','STANDBY'])[1 + i % 10],
       (array['GRADE_1','GRADE_2','GRADE_2','GRADE_3',null])[1 + i % 5], current_date + 365, false, 0,
       now() - make_interval(months => 12 * (:years + 1) - i % 24), now(), 0
from generate_series(0, :teams - 1) i join supporting_unit u on u.id = md5('funit' || (i / 2))::uuid;

insert into team_status_change (id, team_id, action, from_status, to_status, reason, actor_sub, actor_level, actor_region, at)
select md5('fexit' || t.id)::uuid, t.id, 'EXITED', 'ACTIVE', 'EXITED', '连续两次考核不合格', 'bench', 'NATIONAL', null,
       now() - interval '400 days'
from team t where t.status = 'EXITED' and t.code like 'F-%';

-- members: ID numbers as the encrypted column and its hash hold them (the figures never read one)
insert into member (id, team_id, name, role, talent_type, id_number, id_number_encrypted, id_number_hash, phone, joined_on, status,
                    training_hours, created_at, updated_at, version)
select md5('fmember' || m)::uuid, md5('fteam' || (m % :teams))::uuid, '队员' || m,
       (array['COMMANDER','DEPUTY_COMMANDER','SQUAD_LEADER','ENGINEER','TECHNICIAN','RESCUER','RESCUER','RESCUER','RESCUER','MEDIC','DRIVER',
              'RESCUER','RESCUER','RESCUER','RESCUER','RESCUER','OTHER'])[1 + m % 17],
       (array['COMMAND','ENGINEERING_TECHNICAL','SKILLED_CRAFT','SKILLED_CRAFT','SKILLED_CRAFT','SKILLED_CRAFT'])[1 + m % 6],
       null, 'v1.bench.' || m, md5('fid' || m), null, date '2012-01-01' + (m * 7 % 5000), 
       (array['ACTIVE','ACTIVE','ACTIVE','ACTIVE','ACTIVE','ACTIVE','ACTIVE','ACTIVE','ACTIVE','ACTIVE','ACTIVE','SUSPENDED','LEFT'])[1 + m % 13],
       0, now() - interval '13 years', now() - make_interval(days => m % 1800), 0
from generate_series(0, :members - 1) m;

update team t set headcount = (select count(*) from member m where m.team_id = t.id and m.status = 'ACTIVE') where t.code like 'F-%';

-- two certificates a member: one issued over the last eight years valid three years, one that never expires (one in five)
insert into certificate (id, member_id, name, certificate_number, issuer, issued_on, expires_on, created_at)
select md5('fcert' || m || '-' || k)::uuid, md5('fmember' || m)::uuid, '救援队员资格证', 'C' || m || '-' || k, '应急管理部',
       current_date - (m * 13 + k * 700) % 2900,
       case when (m + k) % 5 = 0 then null else current_date - (m * 13 + k * 700) % 2900 + 1095 end,
       now()
from generate_series(0, :members - 1) m, generate_series(1, 2) k;

-- drills: 24 a team a year, over the years
insert into drill (id, team_id, held_on, type, scenario, participants, duration_minutes, findings, created_at, version)
select md5('fdrill' || t || '-' || d)::uuid, md5('fteam' || t)::uuid, current_date - (d * 15 + t % 15),
       (array['TABLETOP','FUNCTIONAL','FULL_SCALE'])[1 + d % 3], '井下瓦斯爆炸后搜救被困矿工', 10 + d % 30, 60 + (d * 37 % 240), null,
       now(), 0
from generate_series(0, :teams - 1) t, generate_series(0, 24 * :years - 1) d;

-- training: two records a member a year
insert into training_record (id, team_id, member_id, trained_on, hours, subject, created_at)
select md5('ftrain' || m || '-' || r)::uuid, md5('fteam' || (m % :teams))::uuid, md5('fmember' || m)::uuid,
       current_date - (r * 182 + m % 180), 4 + (m + r) % 13, '正压氧气呼吸器佩用', now()
from generate_series(0, :members - 1) m, generate_series(0, 2 * :years - 1) r;

-- mobilization orders: 4 a team a year, completed, every step timed from the alarm, each under its own closed incident
-- (the incident's id is the order's, as migration V6 made them for the orders before incidents)
create temporary table bench_order as
select md5('forder' || t.id || '-' || o)::uuid as id, t.id as team_id, t.province, t.category, t.supporting_unit_id,
       t.base_lat, t.base_lon, o, a.alarm
from team t, generate_series(0, 4 * :years - 1) o,
     lateral (select now() - make_interval(days => o * 91 + abs(hashtext(t.code)) % 90) as alarm) a
where t.code like 'F-%';
insert into incident (id, type, category, title, description, lat, lon, address, lead_province, provinces, severity, occurred_at,
                      status, opener_level, opener_sub, opened_at, closed_at, updated_at, version)
select b.id, 'MINING_ACCIDENT', 'PRODUCTION_SAFETY', '井下采煤工作面发生瓦斯爆炸', '井下采煤工作面发生瓦斯爆炸', b.base_lat, b.base_lon, '事故地点',
       b.province, ',' || b.province || ',', 'MAJOR', b.alarm, 'CLOSED', 'NATIONAL', 'bench', b.alarm + interval '5 seconds',
       b.alarm + interval '1 day', now(), 0
from bench_order b;
insert into mobilization_order (incident_id, id, team_id, province, category, supporting_unit_id, incident_type, severity, incident_province,
                                incident_lat, incident_lon, incident_address, incident_description, status, issuer_level, issuer_region,
                                issuer_org, issuer_sub, alarm_at, issued_at, acknowledged_at, departed_at, arrived_at, completed_at,
                                cancelled_at, cancellation_reason, updated_at, version)
select b.id, b.id, b.team_id, b.province, b.category, b.supporting_unit_id, 'GAS_EXPLOSION', 'MAJOR', b.province,
       b.base_lat, b.base_lon, '事故地点', '井下采煤工作面发生瓦斯爆炸', 'COMPLETED', 'NATIONAL', null, null, 'bench',
       b.alarm, b.alarm + interval '5 seconds', b.alarm + make_interval(secs => 10 + b.o % 50), b.alarm + make_interval(secs => 30 + b.o % 70),
       b.alarm + make_interval(secs => 1200 + b.o * 17 % 2400), b.alarm + interval '1 day', null, null, now(), 0
from bench_order b;

-- work-injury insurance: a yearly policy a member over the years (one member in ten uninsured), so a serving member
-- holds one policy valid today and four that have lapsed
insert into insurance_policy (id, member_id, team_id, province, category, supporting_unit_id, kind, insurer, policy_number_encrypted,
                              sum_insured, valid_from, valid_to, created_at, updated_at, version)
select md5('fpolicy' || m || '-' || y)::uuid, md5('fmember' || m)::uuid, t.id, t.province, t.category, t.supporting_unit_id,
       'WORK_INJURY', '中国人民财产保险', 'v1.bench.' || m || '-' || y, 600000, current_date - (y * 365 + m % 300),
       current_date - (y * 365 + m % 300) + 364, now(), now(), 0
from generate_series(0, :members - 1) m, generate_series(0, :years - 1) y, team t
where t.id = md5('fteam' || (m % :teams))::uuid and m % 10 <> 0;

-- prevention work: 12 preventive inspections, 4 technical services and 6 outreach activities a team a year
insert into preventive_inspection (id, team_id, province, category, supporting_unit_id, enterprise_name, enterprise_credit_code,
                                   inspected_on, hazards_found, rectification_advice, follow_up_on, created_at, version)
select md5('finspect' || t.id || '-' || d)::uuid, t.id, t.province, t.category, t.supporting_unit_id, '煤矿企业' || d,
       'FIGE' || lpad(d::text, 14, '0'), current_date - (d * 30 + abs(hashtext(t.code)) % 30), d % 7, null, null, now(), 0
from team t, generate_series(0, 12 * :years - 1) d where t.code like 'F-%';
insert into technical_service (id, team_id, province, category, supporting_unit_id, kind, client, started_on, days, description,
                               created_at, version)
select md5('fservice' || t.id || '-' || d)::uuid, t.id, t.province, t.category, t.supporting_unit_id, 'HAZARDOUS_OPERATION_STANDBY', '煤矿企业' || d,
       current_date - (d * 91 + abs(hashtext(t.code)) % 90), 1 + d % 5, null, now(), 0
from team t, generate_series(0, 4 * :years - 1) d where t.code like 'F-%';
insert into outreach_activity (id, team_id, province, category, supporting_unit_id, kind, held_on, audience, topic, participants,
                               created_at, version)
select md5('foutreach' || t.id || '-' || d)::uuid, t.id, t.province, t.category, t.supporting_unit_id, 'POPULAR_SCIENCE',
       current_date - (d * 60 + abs(hashtext(t.code)) % 60), 'ENTERPRISE_STAFF', '矿山自救互救', 20 + d % 80, now(), 0
from team t, generate_series(0, 6 * :years - 1) d where t.code like 'F-%';

-- as autovacuum leaves a table after a bulk load: statistics, and the visibility map that lets the figures' aggregates
-- read their covering indexes without visiting the rows
vacuum analyze;
