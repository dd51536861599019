-- Mail that reaches and can be unsubscribed (#14): the one-click unsubscribe address a message carries in its
-- List-Unsubscribe header (RFC 8058), and the customers who asked for no more offers.
alter table outbox add column list_unsubscribe text check (length(list_unsubscribe) between 1 and 2000);
create table offer_opt_outs (
    customer_email text primary key check (length(customer_email) between 3 and 254),
    opted_out_at   timestamptz not null
);
