-- One live (not deleted) webhook endpoint per URL. A second registration of a URL made a second endpoint whose secret
-- never signed anything (deliveries to the URL are signed with the oldest live endpoint's secret), and the outbox,
-- which stores URLs, showed the first endpoint's messages under the second's id (an outside check). Later duplicates
-- already stored are the ones whose secrets were never used: they are marked deleted, the oldest keeps the URL.
update webhook_endpoints e set deleted_at = now(), active = false, paused_at = null
where e.deleted_at is null
  and exists (select 1 from webhook_endpoints older
              where older.url = e.url and older.deleted_at is null and older.id < e.id);
create unique index webhook_endpoints_one_live_per_url on webhook_endpoints (url) where deleted_at is null;
