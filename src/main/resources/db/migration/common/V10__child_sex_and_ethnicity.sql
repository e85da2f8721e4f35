-- What the CIN census needs of every child, captured at referral: sex (M, F or U; DfE rule 4180) and,
-- when known, ethnicity (the census's codes). Cases recorded before this have neither.
alter table child_case add column sex varchar(1);
alter table child_case add column ethnicity varchar(4);
