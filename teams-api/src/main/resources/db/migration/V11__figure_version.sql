-- The figures' read version (README, "Performance"; teams-api reads/FigureVersion): one row that every committed
-- change of a table GET /api/v1/figures reads moves, as read_version (V10) does for the registry's teams and supporting
-- units. Read by primary key, it keys the figures' own sections kept per question (figures/FigureSections), so that a
-- kept section is never served after a committed change that could alter it. A deferred constraint trigger bumps it
-- once per transaction, at commit: the row is locked only while a transaction commits, so writers neither deadlock on
-- it nor wait for each other's work, and versions follow commit order.
create table figure_version (
    id      smallint primary key check (id = 1),
    version bigint   not null
);
insert into figure_version (id, version) values (1, 1);

create function figure_version_bump() returns trigger language plpgsql as $$
begin
    if current_setting('rescue_force.figure_version_xact', true) is distinct from txid_current()::text then
        perform set_config('rescue_force.figure_version_xact', txid_current()::text, true);
        update figure_version set version = version + 1 where id = 1;
    end if;
    return null;
end
$$;

-- every table the figures' sections read: the registry (teams, their units, members and certificates), drills and
-- training, mobilization orders (response figures), work-injury insurance and the prevention work
create constraint trigger team_figure_version after insert or update or delete on team
    deferrable initially deferred for each row execute function figure_version_bump();
create constraint trigger supporting_unit_figure_version after insert or update or delete on supporting_unit
    deferrable initially deferred for each row execute function figure_version_bump();
create constraint trigger member_figure_version after insert or update or delete on member
    deferrable initially deferred for each row execute function figure_version_bump();
create constraint trigger certificate_figure_version after insert or update or delete on certificate
    deferrable initially deferred for each row execute function figure_version_bump();
create constraint trigger drill_figure_version after insert or update or delete on drill
    deferrable initially deferred for each row execute function figure_version_bump();
create constraint trigger training_record_figure_version after insert or update or delete on training_record
    deferrable initially deferred for each row execute function figure_version_bump();
create constraint trigger mobilization_order_figure_version after insert or update or delete on mobilization_order
    deferrable initially deferred for each row execute function figure_version_bump();
create constraint trigger insurance_policy_figure_version after insert or update or delete on insurance_policy
    deferrable initially deferred for each row execute function figure_version_bump();
create constraint trigger preventive_inspection_figure_version after insert or update or delete on preventive_inspection
    deferrable initially deferred for each row execute function figure_version_bump();
create constraint trigger technical_service_figure_version after insert or update or delete on technical_service
    deferrable initially deferred for each row execute function figure_version_bump();
create constraint trigger outreach_activity_figure_version after insert or update or delete on outreach_activity
    deferrable initially deferred for each row execute function figure_version_bump();

-- the work-injury policies valid on a day, read from the index alone (kind, then the policies still running)
create index insurance_policy_kind_validity_idx on insurance_policy (kind, valid_to) include (member_id, valid_from);
