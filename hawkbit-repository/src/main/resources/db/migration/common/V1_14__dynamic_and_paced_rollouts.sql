-- Dynamic rollouts (hawkBit 1.1): after the static groups, groups of a fixed size that targets matching the filter
-- later join. The rollout keeps the template (size, name suffix); each group says whether it is dynamic.
-- Paced rollouts (this server's extension): at most max_running open actions at once and at most start_rate actions
-- started per minute, both optional.

ALTER TABLE rollout ADD COLUMN dynamic BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE rollout ADD COLUMN dynamic_group_suffix VARCHAR(64);
ALTER TABLE rollout ADD COLUMN pace_max_running INT;
ALTER TABLE rollout ADD COLUMN pace_start_rate INT;
ALTER TABLE rollout_group ADD COLUMN dynamic BOOLEAN NOT NULL DEFAULT FALSE;
