-- Figures toward the 2026 and 2035 goals (figures/): the national targets and the monthly snapshots.

-- The targets national sets: one row per category and due date; the set is replaced whole (PUT), its version is
-- the one row of figure_target_set (the ETag of GET/PUT /api/v1/figures/targets).
create table figure_target_set (
    id          integer      primary key check (id = 1),
    updated_at  timestamptz,
    updated_by  varchar(200),
    version     bigint       not null
);
insert into figure_target_set (id, version) values (1, 0);

create table figure_target (
    set_id    integer     not null references figure_target_set (id),
    category  varchar(30) not null,
    due       date        not null,
    teams     integer     not null check (teams >= 0),
    rescuers  integer     not null check (rescuers >= 0),
    primary key (set_id, category, due)
);

-- One snapshot per month and scope (national, province:<code>, mining:<code>, unit:<id>): taking a month again
-- never makes a second one (the scheduled run and a backfill of the same month agree on the unique key).
create table figure_snapshot (
    id                  uuid         primary key,
    month               date         not null check (extract(day from month) = 1),
    scope_key           varchar(60)  not null,
    province            varchar(6),
    mining_only         boolean      not null,
    supporting_unit_id  uuid,
    taken_at            timestamptz  not null,
    figures             jsonb        not null,
    version             bigint       not null,
    constraint figure_snapshot_month_scope_unique unique (month, scope_key)
);
create index figure_snapshot_scope_idx on figure_snapshot (scope_key, month);

-- the figures' aggregates read the year's drills and training of every team in scope, and certificates by member
create index drill_held_on_idx on drill (held_on);
create index training_record_trained_on_idx on training_record (trained_on) include (team_id, hours);
create index member_team_status_idx on member (team_id, status) include (talent_type, role, joined_on);
create index certificate_member_validity_idx on certificate (member_id, expires_on) include (issued_on);
