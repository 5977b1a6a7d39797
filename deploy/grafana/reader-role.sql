-- The read-only role Grafana reads the historian with (compose profile `monitoring`, service grafana-db-reader).
-- Idempotent: run at every `up`, so a changed PARX_GRAFANA_DB_PASSWORD takes effect and tables added by later
-- migrations become readable. Run by psql as the owner `parx`, connected to parx_ts:
--   psql -v ON_ERROR_STOP=1 -d parx_ts -f reader-role.sql   (with PARX_GRAFANA_DB_PASSWORD in the environment)
-- The password is read from the environment, never from a command line or this file. Needs psql 15 or later.
\set reader_password ''
\getenv reader_password PARX_GRAFANA_DB_PASSWORD
select :'reader_password' = '' as no_password \gset
\if :no_password
do $$ begin raise exception 'PARX_GRAFANA_DB_PASSWORD is empty: set it in .env for the monitoring profile'; end $$;
\endif

select format('create role parx_grafana login password %L', :'reader_password')
where not exists (select from pg_roles where rolname = 'parx_grafana') \gexec
select format('alter role parx_grafana login password %L', :'reader_password') \gexec
-- even a query Grafana sends by mistake cannot write
alter role parx_grafana set default_transaction_read_only = on;
alter role parx_grafana connection limit 10;

select format('grant connect on database %I to parx_grafana', current_database()) \gexec
grant usage on schema public to parx_grafana;
grant select on all tables in schema public to parx_grafana;
-- tables the storage engine's later migrations create (TimescaleDB passes hypertable grants on to chunks)
alter default privileges for role parx in schema public grant select on tables to parx_grafana;
