-- Platform: extensions, teams and users, API tokens, login throttling.
create extension if not exists pg_trgm;

create table teams (
    id          bigserial primary key,
    name        text not null unique,
    created_at  timestamptz not null default now()
);

create table users (
    id             bigserial primary key,
    username       text not null,
    password_hash  text not null,
    display_name   text not null,
    email          text,
    role           text not null check (role in ('ADMIN','MANAGER','SALES_REP','SUPPORT_AGENT','MARKETER','ANALYST')),
    team_id        bigint references teams (id),
    locale         text,
    enabled        boolean not null default true,
    created_at     timestamptz not null default now(),
    updated_at     timestamptz not null default now(),
    version        integer not null default 0
);
create unique index users_username_uq on users (lower(username));
create index users_team_idx on users (team_id);

-- Bearer tokens for the REST API. Only a SHA-256 of the token is kept.
create table api_tokens (
    id            bigserial primary key,
    user_id       bigint not null references users (id) on delete cascade,
    name          text not null,
    token_hash    text not null unique,
    token_prefix  text not null,
    created_at    timestamptz not null default now(),
    expires_at    timestamptz,
    last_used_at  timestamptz,
    revoked_at    timestamptz
);
create index api_tokens_user_idx on api_tokens (user_id);

-- Failed log-ins per user name, shared by every node, for throttling.
create table login_throttle (
    key            text primary key,
    failures       integer not null,
    first_failure  timestamptz not null,
    locked_until   timestamptz
);

-- Business records shared with a user beyond what their role shows them (any module's records).
create table record_shares (
    entity_type  text not null,
    entity_id    bigint not null,
    user_id      bigint not null references users (id) on delete cascade,
    access       text not null check (access in ('read','edit')),
    granted_by   bigint,
    granted_at   timestamptz not null default now(),
    primary key (entity_type, entity_id, user_id)
);
create index record_shares_user_idx on record_shares (user_id, entity_type, entity_id);

-- Fixed-window counters for rate limits shared by all nodes (public forms per IP…).
create table rate_limits (
    key           text primary key,
    window_start  timestamptz not null,
    hits          integer not null
);
