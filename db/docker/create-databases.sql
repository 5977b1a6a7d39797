-- Run once by the TimescaleDB container on an empty volume: the config database beside the time-series one
-- (POSTGRES_DB). Their schemas are applied by the admin-api and the storage engine at start-up.
create database parx_config;
