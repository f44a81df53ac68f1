-- The dashboard reads only the figures each status needs (the latest few per target). Deciding which
-- targets need their whole history (a running total built from 期间值, or figures in another unit) looks at
-- every figure's type and unit: with them in the index that is a scan of the index, not of the table.
CREATE INDEX entry_status ON progress_entry (target_id, period_end, value_type, unit);
DROP INDEX entry_target_period;
