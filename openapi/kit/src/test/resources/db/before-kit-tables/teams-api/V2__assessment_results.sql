-- Results of finalized assessments, applied once each (assessment-api delivers them through its outbox and
-- may deliver the same result again after an outage).
create table applied_assessment_result (
    assessment_id    uuid primary key,
    team_id          uuid        not null references team (id),
    assessment_type  varchar(20) not null,
    grade            varchar(10) not null,
    valid_until      date,
    finalized_at     timestamptz not null,
    applied_at       timestamptz not null
);
create index applied_assessment_result_team_idx on applied_assessment_result (team_id, finalized_at desc);

-- consecutive failed assessments; the second one marks the team for exit review
alter table team add column consecutive_fails integer not null default 0;
