-- A rotated webhook secret keeps signing, beside the new one, for a grace period the rotation names: the first
-- delivery after a rotation failed a receiver that still held the old secret.
alter table webhook_endpoints add column previous_secret text;
alter table webhook_endpoints add column previous_secret_until timestamptz;
alter table webhook_endpoints add constraint webhook_endpoints_previous_secret_with_its_end
    check ((previous_secret is null) = (previous_secret_until is null));
