-- Outbox dead letters (README, "Outbox: parked deliveries"): a message is PENDING until DELIVERED, or PARKED when the
-- receiver refuses it for good or the relay gives up after the retry limit; national retries a parked message (back
-- to PENDING, a new round) or discards it (DISCARDED, kept for the record). Existing rows keep what they were.
alter table outbox_message
    add column state             varchar(20),
    add column round_started_at  timestamptz,
    add column round_attempts    integer not null default 0,
    add column last_error_status integer,
    add column parked_at         timestamptz,
    add column parking_cause     varchar(20),
    add column parking_reason    varchar(500),
    add column discarded_at      timestamptz,
    add column discarded_by      varchar(200),
    add column discard_reason    varchar(500);

update outbox_message
   set state = case when delivered_at is null then 'PENDING' else 'DELIVERED' end,
       round_started_at = created_at,
       round_attempts = attempts;

alter table outbox_message
    alter column state set not null,
    alter column round_started_at set not null,
    add constraint outbox_message_state_check check (state in ('PENDING', 'DELIVERED', 'PARKED', 'DISCARDED')),
    add constraint outbox_message_parking_cause_check check (parking_cause in ('PERMANENT', 'GAVE_UP')),
    add constraint outbox_message_parked_check check (state <> 'PARKED' or (parked_at is not null and parking_cause is not null
        and parking_reason is not null)),
    add constraint outbox_message_discarded_check check (state <> 'DISCARDED' or (discarded_at is not null
        and discarded_by is not null and discard_reason is not null));

-- the relay's due messages, and the oldest pending round for the outbox_oldest_pending_age_seconds gauge
drop index outbox_message_due_idx;
create index outbox_message_due_idx on outbox_message (next_attempt_at) where state = 'PENDING';
create index outbox_message_pending_round_idx on outbox_message (round_started_at) where state = 'PENDING';
-- what national lists (and the outbox_parked_messages gauge counts)
create index outbox_message_parked_idx on outbox_message (created_at, id) where state = 'PARKED';
