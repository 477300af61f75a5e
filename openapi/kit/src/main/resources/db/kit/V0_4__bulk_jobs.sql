-- Bulk import jobs of every service (cn.rescueforce.kit.bulk): the job and its row checkpoint, the uploaded file
-- until the job ends, and the per-row report. A job is the same job for the same caller, kind, file (SHA-256) and
-- options (the unique key below): uploading a file again never applies it twice.

create table bulk_job (
    id               uuid         primary key,
    kind             varchar(30)  not null,
    format           varchar(10)  not null,
    mode             varchar(20)  not null,
    dry_run          boolean      not null,
    file_sha256      varchar(64)  not null,
    file_size        bigint       not null,
    -- who uploaded it: the worker applies the rows as this caller, with the same scope and audit actor
    caller_sub       varchar(255) not null,
    caller_level     varchar(20)  not null,
    caller_region    varchar(6),
    caller_org       uuid,
    status           varchar(20)  not null,
    -- the phase's checkpoint: the rows up to this one (data rows, 1-based) are done in the current phase
    checkpoint_row   integer      not null default 0,
    total_rows       integer,
    rows_valid       integer      not null default 0,
    rows_applied     integer      not null default 0,
    error_count      integer      not null default 0,
    failure          varchar(500),
    -- the worker holding the job: a worker takes a job whose lease is free or ran out (for update skip locked)
    -- and renews the lease with every chunk; after a restart the job is taken up again once its lease runs out
    lease_owner      uuid,
    lease_until      timestamptz,
    created_at       timestamptz  not null,
    updated_at       timestamptz  not null,
    finished_at      timestamptz,
    version          bigint       not null default 0,
    constraint bulk_job_same_upload unique (caller_sub, kind, file_sha256, mode, dry_run)
);
create index bulk_job_unfinished_idx on bulk_job (created_at) where finished_at is null;

-- the uploaded file, deleted when its job ends (at most the upload limit, rescue-force.bulk.max-upload-size)
create table bulk_job_file (
    job_id   uuid   primary key references bulk_job (id) on delete cascade,
    content  bytea  not null
);

-- the per-row report: row number and field name only, never a value (no ID number or phone is echoed)
create table bulk_job_problem (
    job_id   uuid          not null references bulk_job (id) on delete cascade,
    row_no   integer       not null,
    field    varchar(60)   not null,
    problem  varchar(300)  not null,
    seq      integer       not null,
    primary key (job_id, seq)
);
create index bulk_job_problem_row_idx on bulk_job_problem (job_id, row_no);
