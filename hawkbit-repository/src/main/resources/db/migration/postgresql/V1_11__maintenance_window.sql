-- hawkBit 1.1 maintenance windows: an action may carry a Quartz cron schedule, a duration (HH:mm:ss) and a UTC
-- offset; all three are empty for an action without a window. Lengths as in hawkBit.

ALTER TABLE action ADD COLUMN maintenance_cron_schedule VARCHAR(128);
ALTER TABLE action ADD COLUMN maintenance_duration VARCHAR(16);
ALTER TABLE action ADD COLUMN maintenance_time_zone VARCHAR(8);
