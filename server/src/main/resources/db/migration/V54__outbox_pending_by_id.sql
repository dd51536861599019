-- Claiming the next message takes the oldest pending one (order by id). Without an index of pending rows by id,
-- PostgreSQL walked the primary key past every message already sent: a claim cost grew with the outbox's
-- history (75 ms with 17,000 sent rows in the crash run, about 4 messages a second per worker). This index holds
-- only what waits, so a claim reads the first due row it finds.
create index outbox_pending_by_id on outbox (id) where status = 'pending';
