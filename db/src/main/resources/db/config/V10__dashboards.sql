-- Dashboards (admin-api, issue 3). `layout` is {"widgets":[{"kind","x","y","w","h","channelIds":[..],"options":{}}]}.
-- `uid` identifies a dashboard across installations: an exported template carries it, and importing a template
-- whose uid already exists updates that dashboard instead of creating a second one.
create table dashboard (
    id          bigserial primary key,
    uid         uuid not null unique default gen_random_uuid(),
    name        varchar(200) not null,
    description varchar(2000) not null default '',
    owner       varchar(100) not null,
    shared      boolean not null default false,
    layout      jsonb not null default '{"widgets":[]}',
    version     bigint not null default 0,
    created_at  timestamptz not null default now(),
    updated_at  timestamptz not null default now()
);
create index dashboard_owner_idx on dashboard (owner);
