-- What each customer was last told of a waiting line's promise (its latest date, none when unconfirmed). Every
-- re-promise records a promise_changed event, and the crash run's receipts made about ten per waiting line; the
-- relay reads the line's promise as it is now, so most of those mails repeated what the customer already knew.
-- A promise change is mailed only when it differs from what the customer was last told.
create table promise_notices (
    order_line_id bigint primary key references order_lines (id),
    told_eta_to   date,
    told_at       timestamptz not null
);
