-- Wrong sharing codes are counted in the common rate_limit_counter (V0_3, one atomic upsert per attempt) instead of
-- one row per failure here, whose count-then-insert let concurrent attempts pass the limit together.
DROP TABLE connect_failure;
