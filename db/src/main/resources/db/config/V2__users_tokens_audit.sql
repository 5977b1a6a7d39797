-- Users, refresh tokens and the audit trail (issue 3, authentication). Owned by the admin-api.

-- A person or system account that signs in. One role per user (ADMIN, ENGINEER, OPERATOR, see docs/SECURITY.md).
-- password_hash is a Spring Security delegating-encoder value such as {bcrypt}$2a$10$...
create table app_user (
    id                  bigserial primary key,
    username            varchar(100) not null,
    password_hash       varchar(500) not null,
    role                varchar(20) not null check (role in ('ADMIN','ENGINEER','OPERATOR')),
    enabled             boolean not null default true,
    version             bigint not null default 0,
    created_at          timestamptz not null default now(),
    updated_at          timestamptz not null default now(),
    password_changed_at timestamptz not null default now()
);
-- user names are unique regardless of case, so "Admin" cannot shadow "admin"
create unique index app_user_username_uq on app_user (lower(username));

-- Refresh tokens: only the SHA-256 of the random token is stored. Every refresh spends the presented token
-- (used_at) and issues a new one in the same family; presenting a spent token revokes the whole family.
create table refresh_token (
    id          bigserial primary key,
    token_hash  varchar(64) not null unique,
    family_id   uuid not null,
    user_id     bigint not null references app_user (id) on delete cascade,
    issued_at   timestamptz not null default now(),
    expires_at  timestamptz not null,
    used_at     timestamptz,
    revoked_at  timestamptz
);
create index refresh_token_family_idx on refresh_token (family_id);
create index refresh_token_user_idx on refresh_token (user_id);
create index refresh_token_expires_idx on refresh_token (expires_at);

-- Who did what, when, from where. Secrets in before/after are masked before they are written.
-- username/user_id are copies, not references: the trail outlives deleted users.
create table audit_event (
    id           bigserial primary key,
    occurred_at  timestamptz not null default now(),
    username     varchar(100),
    user_id      bigint,
    client_ip    varchar(64),
    action       varchar(50) not null,
    entity_type  varchar(50),
    entity_id    bigint,
    before_value jsonb,
    after_value  jsonb,
    detail       varchar(1000)
);
create index audit_event_time_idx on audit_event (occurred_at desc);
create index audit_event_user_idx on audit_event (username, occurred_at desc);
create index audit_event_action_idx on audit_event (action, occurred_at desc);
create index audit_event_entity_idx on audit_event (entity_type, entity_id);

-- Audit rows are append-only: an update is refused by the database itself, whatever the client.
create function audit_event_immutable() returns trigger language plpgsql as $$
begin
    raise exception 'audit_event rows cannot be changed';
end;
$$;
create trigger audit_event_no_update before update on audit_event
    for each row execute function audit_event_immutable();
