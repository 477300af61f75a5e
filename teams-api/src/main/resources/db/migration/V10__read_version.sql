-- The registry's read version (README, "Performance"; teams-api reads/ReadVersion): one row that every committed
-- change of a team or a supporting unit moves. Read by primary key, it tags the public directory's answers (ETag) and
-- keys the kept pages of team lists. A deferred constraint trigger bumps it once per transaction, at commit: the row is
-- locked only while a transaction commits (after every other lock it takes), so writers neither deadlock on it nor
-- wait for each other's work, and versions follow commit order.
create table read_version (
    id      smallint primary key check (id = 1),
    version bigint   not null
);
insert into read_version (id, version) values (1, 1);

create function read_version_bump() returns trigger language plpgsql as $$
begin
    if current_setting('rescue_force.read_version_xact', true) is distinct from txid_current()::text then
        perform set_config('rescue_force.read_version_xact', txid_current()::text, true);
        update read_version set version = version + 1 where id = 1;
    end if;
    return null;
end
$$;

create constraint trigger team_read_version after insert or update or delete on team
    deferrable initially deferred for each row execute function read_version_bump();
create constraint trigger supporting_unit_read_version after insert or update or delete on supporting_unit
    deferrable initially deferred for each row execute function read_version_bump();
