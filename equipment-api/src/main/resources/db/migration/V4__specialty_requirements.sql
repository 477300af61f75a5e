-- A standard configuration may add requirements per specialty (openapi/equipment-api.yaml, StandardConfigurationLine):
-- a line with a specialty is required, on top of the category's lines, from the teams that have that specialty.
-- A type appears at most once per specialty, and once without one.
alter table standard_configuration_line add column specialty varchar(40);
alter table standard_configuration_line drop constraint standard_configuration_line_type_unique;
create unique index standard_configuration_line_type_unique
    on standard_configuration_line (configuration_id, equipment_type_id, coalesce(specialty, ''));
