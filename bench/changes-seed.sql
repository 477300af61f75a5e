-- 100,000 (:events) committed changes of teams over all 32 provinces, as teams-api's change feed stores them
-- (kit ChangeRecorder): positions from the feed's sequence, audience TEAM with the team's facts (kit Audience: its
-- province, its province again when it is a mining team, its unit), and a body shaped like the Team representation
-- (about 700 bytes). Run against a migrated teams database.
\set ON_ERROR_STOP on
create temporary table province(code text, n int);
insert into province values ('110000',0),('120000',1),('130000',2),('140000',3),('150000',4),('210000',5),('220000',6),
 ('230000',7),('310000',8),('320000',9),('330000',10),('340000',11),('350000',12),('360000',13),('370000',14),('410000',15),
 ('420000',16),('430000',17),('440000',18),('450000',19),('460000',20),('500000',21),('510000',22),('520000',23),('530000',24),
 ('540000',25),('610000',26),('620000',27),('630000',28),('640000',29),('650000',30),('660000',31);

insert into change_event (position, id, type, entity_type, entity_id, entity_version, occurred_at, actor_level, audience,
                          provinces, mining_provinces, units, assessor_org, levels, body, personal_data)
select nextval('change_event_position'), md5('change' || i)::uuid,
       (array['team.profile-updated','team.readiness-changed','team.designated'])[1 + i % 3], 'Team',
       md5('team' || (i % 5000))::uuid, i / 5000, now() - interval '1 day' + i * interval '10 ms', 'PROVINCIAL', 'TEAM',
       ',' || p.code || ',', case when i % 5 = 0 then ',' || p.code || ',' end, ',' || md5('unit' || (i % 2000))::uuid || ',', null, null,
       json_build_object('id', md5('team' || (i % 5000))::uuid, 'code', 'B-' || lpad((i % 5000)::text, 6, '0'),
                         'name', '国家安全生产应急救援队' || (i % 5000),
                         'category', (array['MINING','HAZARDOUS_CHEMICALS','OIL_GAS','TUNNEL_CONSTRUCTION','OTHER'])[1 + i % 5],
                         'specialties', json_build_array('MINE_FIRE','MINE_FLOODING'), 'province', p.code,
                         'supportingUnitId', md5('unit' || (i % 2000))::uuid, 'supportingUnitName', '应急救援依托企业' || (i % 2000),
                         'baseLocation', json_build_object('lat', 28.2147, 'lon', 104.9658), 'baseAddress', '基地' || i,
                         'baseCity', '宜宾市', 'dutyPhone', '0831-4561119', 'status', 'ACTIVE',
                         'readiness', (array['STANDBY','UNAVAILABLE'])[1 + i % 2], 'grade', 'GRADE_1',
                         'gradeValidUntil', '2027-06-30', 'exitProposed', false, 'headcount', 40,
                         'createdAt', '2026-01-05T02:00:00Z', 'updatedAt', to_char(now(), 'YYYY-MM-DD"T"HH24:MI:SS"Z"'),
                         'version', i / 5000)::text, false
from generate_series(1, :events) i join province p on p.n = i % 32;
analyze change_event;
