-- Mail in: the Message-ID of the mail that opened a ticket (read twice, it opens one ticket).
alter table tickets add column source_message_id text;
create unique index tickets_source_message_uq on tickets (source_message_id) where source_message_id is not null;
-- Free-text feedback a customer leaves on a ticket (kept on the thread, marked as feedback).
alter table ticket_replies add column feedback boolean not null default false;
create index ticket_replies_feedback_idx on ticket_replies (created_at) where feedback;

-- Attachments, stored in the database; served only as downloads.
create table ticket_attachments (
    id            bigserial primary key,
    ticket_id     bigint not null references tickets (id) on delete cascade,
    file_name     text not null,
    content_type  text not null,
    size_bytes    bigint not null,
    sha256        text not null,
    data          bytea not null,
    created_by    bigint,
    created_at    timestamptz not null
);
create index ticket_attachments_ticket_idx on ticket_attachments (ticket_id, id);
