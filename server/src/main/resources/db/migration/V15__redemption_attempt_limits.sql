-- Wrong discount codes are limited per shopper email, per code tried and per client (API key and address):
-- a limit per shopper-supplied email alone lets one client guess with a new email each time.
alter table redemption_attempts
    add column code   text check (length(code) between 1 and 64),
    add column client text check (length(client) between 1 and 200);
create index redemption_attempts_by_code on redemption_attempts (code, attempted_at) where not succeeded;
create index redemption_attempts_by_client on redemption_attempts (client, attempted_at) where not succeeded;
