-- Members' ID numbers and phones are personal data: from now on they are stored encrypted (AES-256-GCM, each value
-- v1.<keyId>.<base64url(nonce|ciphertext|tag)>, cn.rescueforce.kit.personaldata), and the ID number is looked up and
-- kept unique through its keyed hash (HMAC-SHA256, hex), never the clear value.
--
-- SQL cannot encrypt: the keys are not in the database. The rows written before this migration keep their clear
-- id_number and phone until teams-api's encryption job (cn.rescueforce.teams.personaldata.PersonalDataProtection)
-- converts them at start-up, in batches locked with "for update skip locked", and sets both clear columns to null.
-- A later migration drops id_number and phone, once no row holds a clear value
-- (select count(*) from member where id_number is not null or phone is not null answers 0).
alter table member
    add column id_number_encrypted text,
    add column id_number_hash      varchar(64),
    add column phone_encrypted     text;
alter table member alter column id_number drop not null;

-- every member has an ID number: clear until the job converts it, then encrypted together with its hash
alter table member add constraint member_id_number_present
    check (id_number is not null or (id_number_encrypted is not null and id_number_hash is not null));
alter table member add constraint member_id_number_encrypted_with_hash
    check ((id_number_encrypted is null) = (id_number_hash is null));

-- a person serves in one team at a time: the keyed hash is unique among members who have not left
drop index member_id_number_serving_unique;
create unique index member_id_number_hash_serving_unique on member (id_number_hash) where status <> 'LEFT';

-- the rows the job has still to convert
create index member_clear_personal_data_idx on member (id) where id_number is not null or phone is not null;
