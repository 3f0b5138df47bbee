-- The exact-lookup indexes hold one or two keys a contact, so GIN's pending list (fastupdate) saves
-- little when writing, while every lookup must scan that list once per key it asks for: an import's
-- batch asking for 1,000 e-mails and phones against 1,000 pending entries spent ~200 ms per index
-- there, against ~30 ms in the index itself (ContactManagement.findByEmailsOrPhones).
alter index contacts_email_keys_idx set (fastupdate = off);
alter index contacts_phone_keys_idx set (fastupdate = off);
