-- Evidence files an assessor uploads to an assessment (openapi/assessment-api.yaml, Evidence). The bytes are in the
-- object store under object_key (the SHA-256, so the same bytes are one object); this row is written in the same
-- transaction as the audit record and the change event, after the object was written: an object without a row (a
-- crash in between) is never listed or served, and the next upload of the same bytes reuses it.
create table evidence_file (
    id            uuid primary key,
    assessment_id uuid         not null references assessment (id),
    file_name     varchar(200) not null,
    content_type  varchar(40)  not null,
    size          bigint       not null check (size > 0),
    sha256        varchar(64)  not null check (sha256 ~ '^[0-9a-f]{64}$'),
    object_key    varchar(200) not null,
    uploaded_by   varchar(255) not null,
    uploaded_at   timestamptz  not null,
    -- the same bytes uploaded to an assessment again are the file already there (the upload is naturally idempotent)
    constraint evidence_file_once_per_assessment unique (assessment_id, sha256)
);

create index evidence_file_by_assessment on evidence_file (assessment_id, uploaded_at, id);

-- a file is never changed or deleted once stored (an evaluation cites it, an appeal keeps it): the database refuses it
create function evidence_file_is_immutable() returns trigger language plpgsql as $$
begin
    raise exception 'evidence files are never changed or deleted (evidence_file %)', old.id;
end;
$$;

create trigger evidence_file_immutable
    before update or delete on evidence_file
    for each row execute function evidence_file_is_immutable();
