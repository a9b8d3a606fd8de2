-- 回执号 sequence: one number per matter, never reused, safe across processes.
CREATE SEQUENCE matter_number_seq;
