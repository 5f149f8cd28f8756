/**
 * A case's map: the process diagram as its BPMN file draws it (BPMN DI), with the steps the case has passed and
 * the one it waits at, as plain values and as inline SVG. No engine types: {@code engine} reads the diagram and
 * the case's history behind the {@link cn.hardshiprelief.diagram.ProcessMaps} port.
 */
package cn.hardshiprelief.diagram;
