/**
 * One home per process: everything a BPMN file in {@code processes/} names in Java — the adapter that starts and
 * correlates it (implementing the feature's port), its delegates and listeners. The features beneath know no
 * engine; the homes call them, never the other way round ({@code ArchitectureTest}).
 */
package cn.hardshiprelief.process;
