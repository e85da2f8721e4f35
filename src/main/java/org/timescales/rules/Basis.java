package org.timescales.rules;

/** Whether a timescale is set by law (not configurable to be looser) or by local practice. */
public enum Basis {

	STATUTORY, LOCAL

}
