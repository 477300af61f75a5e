-- equipment-api schema: the equipment catalog, standard configurations, team equipment and inspections,
-- reserve depots with their stock, call-ups and the append-only stock ledger. Teams live in teams-api;
-- team_* columns keep the team's scope as it was when looked up there, so province-wide lists need no call
-- per row. The audit trail and idempotency records are the service kit's (its db/kit migration).

create table equipment_type (
    id                        uuid primary key,
    code                      varchar(40)  not null,
    name                      varchar(200) not null,
    equipment_group           varchar(20)  not null,
    unit                      varchar(10)  not null,
    inspection_interval_days  integer check (inspection_interval_days > 0),
    service_life_months       integer check (service_life_months > 0),
    description               varchar(500),
    created_at                timestamptz  not null,
    updated_at                timestamptz  not null,
    version                   bigint       not null,
    constraint equipment_type_code_unique unique (code)
);

create table standard_configuration (
    id            uuid primary key,
    category      varchar(30)  not null,
    version       integer      not null,
    title         varchar(200) not null,
    published_at  timestamptz  not null,
    published_by  varchar(200) not null,
    -- versions of a category are 1, 2, 3 …; two concurrent publications cannot take the same number
    constraint standard_configuration_version_unique unique (category, version)
);

create table standard_configuration_line (
    configuration_id   uuid        not null references standard_configuration (id),
    position           integer     not null,
    equipment_type_id  uuid        not null references equipment_type (id),
    minimum_quantity   integer     not null check (minimum_quantity > 0),
    primary key (configuration_id, position),
    constraint standard_configuration_line_type_unique unique (configuration_id, equipment_type_id)
);

create table equipment_item (
    id                   uuid primary key,
    team_id              uuid         not null,
    team_province        varchar(6)   not null,
    team_mining          boolean      not null,
    team_unit_id         uuid         not null,
    equipment_type_id    uuid         not null references equipment_type (id),
    serial_number        varchar(100) not null,
    status               varchar(20)  not null,
    acquired_on          date         not null,
    expires_on           date,
    last_inspected_on    date,
    next_inspection_due  date,
    note                 varchar(500),
    created_at           timestamptz  not null,
    updated_at           timestamptz  not null,
    version              bigint       not null,
    constraint equipment_item_serial_unique unique (equipment_type_id, serial_number)
);
create index equipment_item_team_idx on equipment_item (team_id, equipment_type_id);
create index equipment_item_due_idx on equipment_item (team_province, next_inspection_due) where status <> 'RETIRED';
create index equipment_item_expiry_idx on equipment_item (team_province, expires_on) where status <> 'RETIRED';

create table inspection (
    id            uuid primary key,
    item_id       uuid          not null references equipment_item (id),
    kind          varchar(20)   not null,
    performed_on  date          not null,
    result        varchar(10)   not null,
    inspector     varchar(100),
    notes         varchar(1000),
    recorded_by   varchar(200)  not null,
    recorded_at   timestamptz   not null
);
create index inspection_item_idx on inspection (item_id, performed_on desc);

create table reserve_depot (
    id             uuid primary key,
    name           varchar(200) not null,
    owner_level    varchar(20)  not null,
    province       varchar(6),
    unit_id        uuid,
    location_lat   double precision not null,
    location_lon   double precision not null,
    address        varchar(300),
    contact_phone  varchar(30),
    created_at     timestamptz  not null,
    updated_at     timestamptz  not null,
    version        bigint       not null,
    constraint reserve_depot_owner check (
        (owner_level = 'NATIONAL' and unit_id is null)
        or (owner_level = 'PROVINCIAL' and province is not null and unit_id is null)
        or (owner_level = 'UNIT' and province is not null and unit_id is not null))
);
create index reserve_depot_province_idx on reserve_depot (province);

-- quantity is on hand, reserved is promised to approved call-ups; the checks are the last line of defence
-- behind the guarded updates of StockLineRepository: stock can never go negative or be over-promised.
create table stock_line (
    id             uuid primary key,
    depot_id       uuid         not null references reserve_depot (id),
    material       varchar(200) not null,
    batch          varchar(100) not null,
    quantity       integer      not null check (quantity >= 0),
    reserved       integer      not null default 0 check (reserved >= 0),
    unit           varchar(10)  not null,
    expires_on     date,
    minimum_level  integer      not null default 0 check (minimum_level >= 0),
    created_at     timestamptz  not null,
    updated_at     timestamptz  not null,
    version        bigint       not null,
    constraint stock_line_reserved_within_quantity check (reserved <= quantity),
    constraint stock_line_batch_unique unique (depot_id, material, batch)
);

create table call_up (
    id                      uuid primary key,
    depot_id                uuid         not null references reserve_depot (id),
    team_id                 uuid         not null,
    team_province           varchar(6)   not null,
    team_mining             boolean      not null,
    team_unit_id            uuid         not null,
    mobilization_order_id   uuid,
    purpose                 varchar(500) not null,
    status                  varchar(20)  not null,
    requested_by            varchar(200) not null,
    requested_by_level      varchar(20)  not null,
    requested_at            timestamptz  not null,
    decided_by              varchar(200),
    approved_at             timestamptz,
    dispatched_at           timestamptz,
    closed_at               timestamptz,
    rejected_at             timestamptz,
    cancelled_at            timestamptz,
    reason                  varchar(500),
    version                 bigint       not null
);
create index call_up_depot_idx on call_up (depot_id, requested_at desc);
create index call_up_team_idx on call_up (team_id, requested_at desc);

create table call_up_line (
    call_up_id         uuid    not null references call_up (id),
    position           integer not null,
    stock_line_id      uuid    not null references stock_line (id),
    quantity           integer not null check (quantity > 0),
    returned_quantity  integer check (returned_quantity >= 0 and returned_quantity <= quantity),
    primary key (call_up_id, position),
    constraint call_up_line_stock_unique unique (call_up_id, stock_line_id)
);

create table stock_ledger_entry (
    id              uuid primary key,
    at              timestamptz  not null,
    depot_id        uuid         not null references reserve_depot (id),
    stock_line_id   uuid         not null references stock_line (id),
    kind            varchar(20)  not null,
    quantity_delta  integer      not null,
    reserved_delta  integer      not null,
    quantity_after  integer      not null,
    reserved_after  integer      not null,
    call_up_id      uuid references call_up (id),
    reason          varchar(500),
    actor_sub       varchar(200) not null,
    actor_level     varchar(20)  not null
);
create index stock_ledger_line_idx on stock_ledger_entry (stock_line_id, at);
create index stock_ledger_depot_idx on stock_ledger_entry (depot_id, at desc);
create index stock_ledger_call_up_idx on stock_ledger_entry (call_up_id);

-- the ledger is append-only: a correction is a new entry, never an edit
create function stock_ledger_entry_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'stock_ledger_entry is append-only (% refused)', tg_op;
end;
$$;
create trigger stock_ledger_entry_append_only before update or delete on stock_ledger_entry
    for each row execute function stock_ledger_entry_append_only();
