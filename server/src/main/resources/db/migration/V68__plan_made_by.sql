-- Who made a stored plan: the nightly run, staff on the console's planning page ("Plan again now"), `restock plan` on the
-- command line, or the console when it first needed one and none was stored. Runs stored before say nothing (null): the
-- page then tells the nightly run by its claim in scheduled_runs, as it did.
alter table planning_runs add column made_by text check (made_by in ('nightly', 'console', 'cli', 'first-need'));

-- The planning page names the SKUs whose stock changed since its plan was made (counts, adjustments, receipts, returns),
-- read by time; shipments, the bulk of the ledger, have their own index and are demand, which the plan forecasts.
create index stock_movements_changes_by_time on stock_movements (occurred_at) where kind <> 'shipment';
