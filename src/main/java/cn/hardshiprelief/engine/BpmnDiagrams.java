package cn.hardshiprelief.engine;

import cn.hardshiprelief.diagram.Box;
import cn.hardshiprelief.diagram.MapFlow;
import cn.hardshiprelief.diagram.MapShape;
import cn.hardshiprelief.diagram.Point;
import cn.hardshiprelief.diagram.ProcessMap;
import cn.hardshiprelief.diagram.ShapeKind;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.BusinessRuleTask;
import org.camunda.bpm.model.bpmn.instance.EndEvent;
import org.camunda.bpm.model.bpmn.instance.EventBasedGateway;
import org.camunda.bpm.model.bpmn.instance.ExclusiveGateway;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.Gateway;
import org.camunda.bpm.model.bpmn.instance.InclusiveGateway;
import org.camunda.bpm.model.bpmn.instance.IntermediateCatchEvent;
import org.camunda.bpm.model.bpmn.instance.IntermediateThrowEvent;
import org.camunda.bpm.model.bpmn.instance.ParallelGateway;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.ScriptTask;
import org.camunda.bpm.model.bpmn.instance.SendTask;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnLabel;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.camunda.bpm.model.bpmn.instance.dc.Bounds;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads the diagram a BPMN file draws (its BPMN DI: each shape's {@code dc:Bounds}, each edge's
 * {@code di:waypoint}s, the labels' bounds) into a {@link ProcessMap} with no case on it. Nothing of the diagram
 * is copied: the Modeler's layout is the only one. Pools, lanes, message flows and associations are left out;
 * a call activity or any other activity is drawn as a task.
 */
public final class BpmnDiagrams {

    private BpmnDiagrams() {
    }

    public static ProcessMap read(BpmnModelInstance model, String processId) {
        List<MapShape> shapes = new ArrayList<>();
        for (BpmnShape shape : model.getModelElementsByType(BpmnShape.class)) {
            BaseElement element = shape.getBpmnElement();
            ShapeKind kind = element instanceof FlowElement flowElement ? kindOf(flowElement) : null;
            if (kind == null || shape.getBounds() == null) {
                continue;
            }
            shapes.add(new MapShape(element.getId(), kind, ((FlowElement) element).getName(), box(shape.getBounds()),
                    label(shape.getBpmnLabel()), null));
        }
        List<MapFlow> flows = new ArrayList<>();
        for (BpmnEdge edge : model.getModelElementsByType(BpmnEdge.class)) {
            if (!(edge.getBpmnElement() instanceof SequenceFlow flow)) {
                continue;
            }
            List<Point> waypoints = edge.getWaypoints().stream().map(w -> new Point(w.getX(), w.getY())).toList();
            flows.add(new MapFlow(flow.getId(), flow.getName(), flow.getSource().getId(), flow.getTarget().getId(),
                    waypoints, label(edge.getBpmnLabel()), null));
        }
        Process process = model.getModelElementById(processId);
        return ProcessMap.plain(processId, process == null ? processId : process.getName(), shapes, flows);
    }

    private static ShapeKind kindOf(FlowElement element) {
        if (element instanceof UserTask) {
            return ShapeKind.USER_TASK;
        }
        if (element instanceof ServiceTask || element instanceof SendTask || element instanceof ScriptTask) {
            return ShapeKind.SERVICE_TASK;
        }
        if (element instanceof BusinessRuleTask) {
            return ShapeKind.RULE_TASK;
        }
        if (element instanceof SubProcess subProcess) {
            return subProcess.triggeredByEvent() ? ShapeKind.EVENT_SUBPROCESS : ShapeKind.SUBPROCESS;
        }
        if (element instanceof org.camunda.bpm.model.bpmn.instance.Activity) {
            return ShapeKind.TASK;
        }
        if (element instanceof StartEvent) {
            return ShapeKind.START_EVENT;
        }
        if (element instanceof EndEvent) {
            return ShapeKind.END_EVENT;
        }
        if (element instanceof BoundaryEvent) {
            return ShapeKind.BOUNDARY_EVENT;
        }
        if (element instanceof IntermediateCatchEvent || element instanceof IntermediateThrowEvent) {
            return ShapeKind.INTERMEDIATE_EVENT;
        }
        if (element instanceof ExclusiveGateway) {
            return ShapeKind.EXCLUSIVE_GATEWAY;
        }
        if (element instanceof ParallelGateway) {
            return ShapeKind.PARALLEL_GATEWAY;
        }
        if (element instanceof InclusiveGateway) {
            return ShapeKind.INCLUSIVE_GATEWAY;
        }
        if (element instanceof EventBasedGateway || element instanceof Gateway) {
            return ShapeKind.EVENT_GATEWAY;
        }
        return null;
    }

    private static Box label(BpmnLabel label) {
        return label == null || label.getBounds() == null ? null : box(label.getBounds());
    }

    private static Box box(Bounds bounds) {
        return new Box(bounds.getX(), bounds.getY(), bounds.getWidth(), bounds.getHeight());
    }
}
