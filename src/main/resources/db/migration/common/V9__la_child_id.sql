-- The LA child identifier the CIN census carries (LAchildID): alphanumeric, at most 20 characters
-- (DfE rules 1580 and 1570), one per child and kept across years, whatever the case reference looks like.
alter table child_case add column la_child_id varchar(20);

-- Existing cases: the case reference without its separators, where that fits and no other case would
-- get the same; the rest are given one by the application (CaseRepository) the first time it is needed.
update child_case c set la_child_id = replace(replace(replace(replace(c.case_ref, '-', ''), '.', ''), '_', ''), '/', '')
where length(replace(replace(replace(replace(c.case_ref, '-', ''), '.', ''), '_', ''), '/', '')) between 1 and 20
  and not exists (select 1 from child_case o where o.case_ref <> c.case_ref
      and replace(replace(replace(replace(o.case_ref, '-', ''), '.', ''), '_', ''), '/', '')
        = replace(replace(replace(replace(c.case_ref, '-', ''), '.', ''), '_', ''), '/', ''));

create unique index ux_child_case_la_child_id on child_case (la_child_id);
