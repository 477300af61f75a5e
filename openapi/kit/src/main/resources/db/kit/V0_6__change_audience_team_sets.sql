-- Who may see a change holds the facts of any number of teams (Audience, TeamSet): an incident is read by the levels of
-- each province it concerns and by those of every engaged team, of any number of provinces and units, mining and other
-- teams mixed. Three lists, each ',A,B,' so that a like finds one entry: the teams' provinces (what a provincial level
-- looks at), the provinces of their mining teams (a mine-safety level) and their units (a unit). A PROVINCE audience
-- keeps its province in the first two (its provincial and mine-safety levels).
--
-- Until now a change held one team (province, mining, unit) and a second province with the same facts
-- (also_province): those rows are converted here and read the same (each list in order, as the kit writes it). Those
-- columns stay while replicas of the previous version may still run, during the upgrade: the trigger below fills the
-- lists of a row such a replica writes, and fills the former columns of a row this version writes with part of its
-- audience, never more (the first two provinces, mining when both are mining provinces, the unit when there is only
-- one), as the previous version read it. A later kit migration drops the trigger and the former columns.
--
-- Like every kit migration after 0.1, it runs on databases already past the services' own versions
-- (quarkus.flyway.out-of-order, the kit's defaults); the services' migrations and the checksum their V1 recorded
-- before the kit's tables moved (rescue-force.kit-tables.former-checksum) are untouched.

alter table change_event add column provinces text, add column mining_provinces text, add column units text;
alter table change_event alter column mining set default false;

update change_event set
    provinces = case when province is not null or also_province is not null then
        ',' || concat_ws(',', least(province, also_province), nullif(greatest(province, also_province), least(province, also_province))) || ',' end,
    mining_provinces = case when (province is not null or also_province is not null) and (audience = 'PROVINCE' or mining) then
        ',' || concat_ws(',', least(province, also_province), nullif(greatest(province, also_province), least(province, also_province))) || ',' end,
    units = case when unit is not null then ',' || unit || ',' end
where audience in ('TEAM', 'PROVINCE');

create function change_event_audience_forms() returns trigger language plpgsql as $$
begin
    if new.audience not in ('TEAM', 'PROVINCE') then
        return new;
    end if;
    if new.provinces is null and new.units is null then
        -- written by the previous version
        if new.province is not null or new.also_province is not null then
            new.provinces := ',' || concat_ws(',', least(new.province, new.also_province),
                nullif(greatest(new.province, new.also_province), least(new.province, new.also_province))) || ',';
            if new.audience = 'PROVINCE' or new.mining then
                new.mining_provinces := new.provinces;
            end if;
        end if;
        if new.unit is not null then
            new.units := ',' || new.unit || ',';
        end if;
    elsif new.province is null and new.unit is null and new.also_province is null then
        -- written by this version, for a replica of the previous one
        new.province := nullif(split_part(new.provinces, ',', 2), '');
        new.also_province := nullif(split_part(new.provinces, ',', 3), '');
        new.mining := new.province is not null
            and coalesce(new.mining_provinces, '') like '%,' || new.province || ',%'
            and (new.also_province is null or coalesce(new.mining_provinces, '') like '%,' || new.also_province || ',%');
        if new.units ~ '^,[^,]+,$' then
            new.unit := btrim(new.units, ',')::uuid;
        end if;
    end if;
    return new;
end
$$;

create trigger change_event_audience_forms before insert on change_event
    for each row execute function change_event_audience_forms();
