-- Alarm webhooks (admin-api, issue 19 "Notification"): where the storage engine POSTs the alarm events of the
-- priorities each one receives. Read into io.parx.common.config.alarm.AlarmWebhook by both services. secret is the
-- value of the header secret_header, write-only: the admin-api never returns it (only whether it is set) and audits
-- only that it changed.
create table alarm_webhook (
    id            bigserial primary key,
    name          varchar(200)  not null,
    url           varchar(2000) not null check (url ~* '^https?://'),
    priorities    varchar(16)[] not null check (cardinality(priorities) between 1 and 4
                                    and priorities <@ array['LOW', 'MEDIUM', 'HIGH', 'CRITICAL']::varchar(16)[]),
    secret_header varchar(100)  not null default 'Authorization',
    secret        varchar(1000),
    enabled       boolean       not null default true,
    version       bigint        not null default 0,
    created_at    timestamptz   not null default now(),
    updated_at    timestamptz   not null default now()
);
