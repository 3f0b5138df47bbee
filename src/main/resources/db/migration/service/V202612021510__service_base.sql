-- Customer service: queues, agents' away flags, SLA policies, tickets with their replies and status
-- history, SLA warnings and breaches, notifications, surveys and the outgoing mail outbox.

create table service_queues (
    id            bigserial primary key,
    name          text not null,
    team_id       bigint,
    lead_user_id  bigint,
    assignment    text not null default 'round-robin' check (assignment in ('none','round-robin','fewest-open')),
    last_user_id  bigint,
    created_at    timestamptz not null default now(),
    version       integer not null default 0
);
create unique index service_queues_name_uq on service_queues (lower(name));
create index service_queues_team_idx on service_queues (team_id);

-- Agents who are away get no new tickets from automatic assignment.
create table service_agent_status (
    user_id     bigint primary key,
    away        boolean not null default false,
    updated_at  timestamptz not null default now()
);

-- Targets per priority (optionally per account tier) in business minutes of the policy's calendar.
create table sla_policies (
    id                       bigserial primary key,
    priority                 text not null check (priority in ('low','normal','high','urgent')),
    account_tier             text not null default '',
    first_response_minutes   integer not null check (first_response_minutes > 0),
    resolution_minutes       integer not null check (resolution_minutes > 0),
    warn_minutes             integer not null default 30 check (warn_minutes >= 0),
    time_zone                text not null default 'UTC',
    work_days                integer[] not null default '{1,2,3,4,5}',
    work_start               time not null default '09:00',
    work_end                 time not null default '17:00',
    holidays                 date[] not null default '{}',
    version                  integer not null default 0,
    unique (priority, account_tier)
);
insert into sla_policies (priority, first_response_minutes, resolution_minutes, warn_minutes) values
    ('urgent', 30, 240, 10),
    ('high', 60, 480, 15),
    ('normal', 240, 1440, 30),
    ('low', 480, 2400, 60);

create table tickets (
    id                        bigserial primary key,
    subject                   text not null,
    description               text,
    contact_id                bigint,
    account_id                bigint,
    channel                   text not null check (channel in ('email','phone','web','chat','social')),
    category                  text,
    type                      text not null check (type in ('question','problem','complaint','feature_request')),
    priority                  text not null check (priority in ('low','normal','high','urgent')),
    status                    text not null check (status in ('new','open','pending_customer','resolved','closed')),
    queue_id                  bigint references service_queues (id),
    assignee_id               bigint,
    tags                      text[] not null default '{}',
    severity                  text check (severity in ('minor','moderate','major','critical')),
    root_cause                text,
    sla_policy_id             bigint references sla_policies (id),
    first_response_due_at     timestamptz,
    resolution_due_at         timestamptz,
    first_responded_at        timestamptz,
    first_response_minutes    integer,
    resolved_at               timestamptz,
    resolution_minutes        integer,
    closed_at                 timestamptz,
    first_response_breached   boolean not null default false,
    resolution_breached       boolean not null default false,
    first_response_warned     boolean not null default false,
    resolution_warned         boolean not null default false,
    sla_paused_since          timestamptz,
    sla_paused_minutes        integer not null default 0,
    -- the earliest unmet due time (the inbox order); far future when none runs
    urgency_at                timestamptz not null default '9999-12-31',
    -- when the SLA sweep must next look at the ticket (a warning or a breach); far future when never
    sla_check_at              timestamptz not null default '9999-12-31',
    reopen_count              integer not null default 0,
    reference                 text not null,
    created_by                bigint not null,
    created_at                timestamptz not null,
    updated_at                timestamptz not null,
    version                   integer not null default 0
);
create unique index tickets_reference_uq on tickets (reference);
-- an agent's inbox: their unresolved tickets by SLA urgency (keyset on urgency_at, id)
create index tickets_inbox_idx on tickets (assignee_id, urgency_at, id) where status in ('new','open','pending_customer');
create index tickets_queue_inbox_idx on tickets (queue_id, urgency_at, id) where status in ('new','open','pending_customer');
-- the SLA sweep: running clocks whose next warning or breach is due
create index tickets_sla_check_idx on tickets (sla_check_at, id) where status in ('new','open');
create index tickets_created_idx on tickets (created_at, id);
create index tickets_contact_idx on tickets (contact_id, created_at);
create index tickets_account_idx on tickets (account_id, created_at);
create index tickets_resolved_idx on tickets (resolved_at) where resolved_at is not null;
create index tickets_first_response_idx on tickets (first_responded_at) where first_responded_at is not null;

create table ticket_replies (
    id           bigserial primary key,
    ticket_id    bigint not null references tickets (id) on delete cascade,
    parent_id    bigint references ticket_replies (id),
    body         text not null,
    public       boolean not null,
    -- 'agent' (a user), 'customer' (by mail or the public pages), 'system'
    author_kind  text not null check (author_kind in ('agent','customer','system')),
    author_id    bigint,
    author_email text,
    message_id   text,
    created_at   timestamptz not null
);
create index ticket_replies_ticket_idx on ticket_replies (ticket_id, created_at, id);
create unique index ticket_replies_message_uq on ticket_replies (message_id) where message_id is not null;

create table ticket_status_history (
    id           bigserial primary key,
    ticket_id    bigint not null references tickets (id) on delete cascade,
    from_status  text,
    to_status    text not null,
    changed_by   bigint,
    changed_at   timestamptz not null
);
create index ticket_status_history_ticket_idx on ticket_status_history (ticket_id, changed_at);
create index ticket_status_history_at_idx on ticket_status_history (changed_at, to_status);

-- One row per warning or breach of one due time: the unique key makes escalation happen once, however
-- many nodes sweep at the same moment.
create table sla_events (
    id           bigserial primary key,
    ticket_id    bigint not null references tickets (id) on delete cascade,
    kind         text not null check (kind in ('first_response','resolution')),
    stage        text not null check (stage in ('warning','breach')),
    due_at       timestamptz not null,
    detected_at  timestamptz not null,
    escalated    boolean not null default false,
    unique (ticket_id, kind, stage, due_at)
);

create table service_notifications (
    id          bigserial primary key,
    user_id     bigint not null,
    ticket_id   bigint references tickets (id) on delete cascade,
    kind        text not null,
    message     text not null,
    created_at  timestamptz not null,
    read_at     timestamptz
);
create index service_notifications_user_idx on service_notifications (user_id, created_at desc);

-- CSAT (per resolved ticket) and NPS (per contact) surveys. Only a SHA-256 of the link's token is kept.
create table surveys (
    id            bigserial primary key,
    kind          text not null check (kind in ('csat','nps')),
    ticket_id     bigint references tickets (id) on delete cascade,
    contact_id    bigint,
    campaign      text,
    token_hash    text not null,
    created_at    timestamptz not null,
    expires_at    timestamptz not null,
    answered_at   timestamptz,
    score         integer,
    comment       text,
    check ((kind = 'csat' and (score is null or score between 1 and 5)) or (kind = 'nps' and (score is null or score between 0 and 10)))
);
create unique index surveys_token_uq on surveys (token_hash);
create unique index surveys_ticket_csat_uq on surveys (ticket_id, created_at) where kind = 'csat';
create index surveys_answered_idx on surveys (kind, answered_at) where answered_at is not null;
create index surveys_contact_idx on surveys (contact_id);

-- Mail to customers, sent by the mail job when outgoing mail is configured (kept as the record of what went out).
create table service_outbox (
    id           bigserial primary key,
    ticket_id    bigint references tickets (id) on delete cascade,
    to_address   text not null,
    subject      text not null,
    body         text not null,
    message_id   text not null,
    created_at   timestamptz not null,
    sent_at      timestamptz,
    attempts     integer not null default 0,
    last_error   text
);
create index service_outbox_unsent_idx on service_outbox (id) where sent_at is null;
