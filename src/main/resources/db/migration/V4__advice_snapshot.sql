-- The advice of a completed conversation is stored as a snapshot in the store's own, versioned format
-- (org.infraadvisor.store.AdviceSnapshotCodec), no longer as the API document. V5 (a Java migration,
-- org.infraadvisor.store.V5__AdviceSnapshots) converts the rows written by 0.1 and drops the old column.
alter table recommendation add column advice_format integer;
alter table recommendation add column advice_json varchar(1000000);
