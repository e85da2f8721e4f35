package org.timescales.cluster;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.timescales.TimescalesApplication;

/**
 * One node of {@link TwoNodeClusterTest}, in a JVM of its own: Timescales itself, its engine clock set
 * ahead by {@code -Dcluster.clockOffsetMillis} so that the test's deadlines fall due minutes after the
 * start rather than days. The clock still runs in real time; both nodes get the same offset.
 */
public final class ClusterNode {

	private ClusterNode() {
	}

	public static void main(String[] args) {
		ClockUtil.offset(Long.getLong("cluster.clockOffsetMillis", 0L));
		TimescalesApplication.main(args);
	}

}
