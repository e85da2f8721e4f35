package org.timescales.audit;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.timescales.casefile.CaseRecordRead;

/** Writes each read another module announces ({@link CaseRecordRead}) to the read log, as it happens. */
@Component
class RecordReads {

	private final RecordViews recordViews;

	RecordReads(RecordViews recordViews) {
		this.recordViews = recordViews;
	}

	@EventListener
	void on(CaseRecordRead read) {
		if (read.viewedBy() == null) {
			recordViews.record(read.caseRef(), read.what());
		}
		else {
			recordViews.record(read.caseRef(), read.what(), read.viewedBy());
		}
	}

}
