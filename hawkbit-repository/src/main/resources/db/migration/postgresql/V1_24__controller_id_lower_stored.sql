-- Correctness at fleet scale (#17): MariaDB's target.controller_id_lower becomes a STORED generated column (see
-- common/V1_24__controller_id_lower_stored: as a VIRTUAL one with an index, a page filtered by controllerId found no
-- row while a poll was writing one of the matching targets). PostgreSQL's generated columns are stored (V1_18 says
-- STORED), so there is nothing to change here; the twin keeps the versions of both script sets the same.
SELECT 1;
