-- A call-up may serve an incident of teams-api (its id, format checked only: services do not read each other's tables).
alter table call_up add column incident_id uuid;
create index call_up_incident_idx on call_up (incident_id) where incident_id is not null;
