-- Customers: accounts (companies), contacts (people), their interactions, sharing and custom fields.
-- search_text: normalised names, e-mails, company (and pinyin of Chinese names), trigram-indexed.
-- search_grams: CJK unigrams/bigrams and 1-2 letter word starts, which trigrams cannot serve.
-- phone_digits: digits of all phone numbers, trigram-indexed, so any formatting finds them.

create table accounts (
    id            bigserial primary key,
    name          text not null,
    industry      text,
    size          text,
    website       text,
    phone         text,
    street        text,
    city          text,
    region        text,
    postal_code   text,
    country       text,
    owner_id      bigint not null,
    tags          text[] not null default '{}',
    custom        jsonb not null default '{}',
    sort_name     text not null,
    search_text   text not null,
    search_grams  text[] not null default '{}',
    phone_digits  text not null default '',
    created_at    timestamptz not null default now(),
    updated_at    timestamptz not null default now(),
    created_by    bigint,
    version       integer not null default 0
);
create index accounts_sort_name_idx on accounts (sort_name, id);
create index accounts_created_idx on accounts (created_at, id);
create index accounts_updated_idx on accounts (updated_at, id);
create index accounts_owner_idx on accounts (owner_id, sort_name, id);
create index accounts_search_trgm_idx on accounts using gin (search_text gin_trgm_ops);
create index accounts_phone_trgm_idx on accounts using gin (phone_digits gin_trgm_ops);
create index accounts_grams_idx on accounts using gin (search_grams);
create index accounts_tags_idx on accounts using gin (tags);
create index accounts_custom_idx on accounts using gin (custom jsonb_path_ops);
create index accounts_industry_idx on accounts (industry, sort_name, id);

create table contacts (
    id               bigserial primary key,
    first_name       text,
    last_name        text,
    display_name     text not null,
    title            text,
    emails           text[] not null default '{}',
    phones           text[] not null default '{}',
    account_id       bigint references accounts (id),
    company_name     text,
    street           text,
    city             text,
    region           text,
    postal_code      text,
    country          text,
    lifecycle_stage  text not null default 'lead',
    source           text,
    owner_id         bigint not null,
    tags             text[] not null default '{}',
    custom           jsonb not null default '{}',
    sort_name        text not null,
    search_text      text not null,
    search_grams     text[] not null default '{}',
    phone_digits     text not null default '',
    created_at       timestamptz not null default now(),
    updated_at       timestamptz not null default now(),
    created_by       bigint,
    version          integer not null default 0
);
create index contacts_sort_name_idx on contacts (sort_name, id);
create index contacts_created_idx on contacts (created_at, id);
create index contacts_updated_idx on contacts (updated_at, id);
create index contacts_owner_idx on contacts (owner_id, sort_name, id);
create index contacts_account_idx on contacts (account_id, sort_name, id);
create index contacts_stage_idx on contacts (lifecycle_stage, sort_name, id);
create index contacts_search_trgm_idx on contacts using gin (search_text gin_trgm_ops);
create index contacts_phone_trgm_idx on contacts using gin (phone_digits gin_trgm_ops);
create index contacts_grams_idx on contacts using gin (search_grams);
create index contacts_tags_idx on contacts using gin (tags);
create index contacts_custom_idx on contacts using gin (custom jsonb_path_ops);

-- Interactions on the 360° timeline. An activity on a contact also carries the contact's account,
-- so the account's timeline shows the activities of all its people.
create table activities (
    id                bigserial primary key,
    type              text not null check (type in ('call','meeting','email','note','task')),
    subject           text not null,
    body              text,
    occurred_at       timestamptz not null,
    duration_minutes  integer check (duration_minutes is null or duration_minutes between 0 and 100000),
    outcome           text,
    due_at            timestamptz,
    status            text check (status in ('open','done','cancelled')),
    completed_at      timestamptz,
    contact_id        bigint references contacts (id) on delete cascade,
    account_id        bigint references accounts (id) on delete cascade,
    owner_id          bigint not null,
    created_at        timestamptz not null default now(),
    updated_at        timestamptz not null default now(),
    created_by        bigint,
    version           integer not null default 0,
    check (contact_id is not null or account_id is not null),
    check ((type = 'task') = (status is not null))
);
create index activities_contact_idx on activities (contact_id, occurred_at desc, id desc);
create index activities_account_idx on activities (account_id, occurred_at desc, id desc);
create index activities_open_tasks_idx on activities (owner_id, due_at, id) where type = 'task' and status = 'open';

-- Admin-defined fields; values live in the records' "custom" JSONB column under the key.
create table custom_field_definitions (
    id           bigserial primary key,
    entity_type  text not null check (entity_type in ('account','contact')),
    key          text not null,
    label        text not null,
    label_zh     text,
    type         text not null check (type in ('text','number','date','choice')),
    options      text[] not null default '{}',
    required     boolean not null default false,
    position     integer not null default 0,
    created_at   timestamptz not null default now(),
    version      integer not null default 0,
    unique (entity_type, key)
);
