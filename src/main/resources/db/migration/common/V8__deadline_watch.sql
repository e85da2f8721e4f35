-- Issue 13: one watcher process per clock (bpmn/deadlineWatch.bpmn) raises its reminder and escalations.
-- The clock remembers its watcher so that stopping the clock ends it and a correction moves its timers.
-- Null for clocks opened by process versions that still carry their own boundary timers.
alter table clock add column watch_instance_id varchar(64);
