package cn.hardshiprelief.diagram;

import cn.hardshiprelief.engine.BpmnDiagrams;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The map of a warmth campaign waiting for the county union, drawn from processes/warmthCampaign.bpmn's own
 * diagram interchange: the shapes where the Modeler put them, the flows along their waypoints, the waiting step
 * marked by more than colour.
 */
class ProcessMapSvgTest {

    private static final ProcessMapSvg.Words WORDS = new ProcessMapSvg.Words("送温暖办理进度图", "当前步骤", "已办理",
            "未到达", "当前", (id, name) -> name);

    private static ProcessMap diagram(String file) {
        return BpmnDiagrams.read(Bpmn.readModelFromFile(new File("processes/" + file + ".bpmn")), file);
    }

    /** The campaign was submitted and waits for the county union's approval of its list. */
    private static ProcessMap campaignAwaitingApproval() {
        return diagram("warmthCampaign").withCase(Map.of("campaignListSubmitted", StepState.PASSED,
                "approveCampaignList", StepState.CURRENT), List.of());
    }

    private static Document parsed(String svg) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    }

    private static Element group(Document svg, String attribute, String id) {
        NodeList groups = svg.getElementsByTagName("g");
        for (int i = 0; i < groups.getLength(); i++) {
            Element g = (Element) groups.item(i);
            if (id.equals(g.getAttribute(attribute))) {
                return g;
            }
        }
        throw new AssertionError("no group with " + attribute + "=" + id);
    }

    private static Element first(Element parent, String tag) {
        return (Element) parent.getElementsByTagName(tag).item(0);
    }

    @Test
    void theCampaignDiagramIsReadFromItsBpmnDiWithEveryShapeAndFlow() {
        ProcessMap map = diagram("warmthCampaign");

        assertThat(map.processName()).isEqualTo("送温暖慰问活动");
        assertThat(map.shapes()).extracting(MapShape::id).containsExactlyInAnyOrder("campaignListSubmitted",
                "approveCampaignList", "isCampaignListApproved", "cancelCampaign", "campaignRejected",
                "payCampaignBatch", "completeCampaign", "campaignCompleted");
        assertThat(map.flows()).hasSize(7);
        assertThat(map.shape("approveCampaignList").box()).isEqualTo(new Box(250, 160, 100, 80));
        assertThat(map.shape("approveCampaignList").kind()).isEqualTo(ShapeKind.USER_TASK);
        assertThat(map.shape("isCampaignListApproved").kind()).isEqualTo(ShapeKind.EXCLUSIVE_GATEWAY);
        assertThat(map.shape("isCampaignListApproved").label()).isEqualTo(new Box(395, 138, 90, 27));
        assertThat(map.flows().stream().filter(f -> f.id().equals("campaignListNotApproved")).findFirst().orElseThrow()
                .waypoints()).containsExactly(new Point(440, 225), new Point(440, 340), new Point(540, 340));
        assertThat(map.bounds()).isEqualTo(new Box(132, 138, 939 - 132, 380 - 138));
    }

    @Test
    void theWaitingStepIsHighlightedThePassedOnesCheckedAndTheRestPlain() throws Exception {
        String svg = ProcessMapSvg.render(campaignAwaitingApproval(), WORDS);
        Document doc = parsed(svg);

        Element root = doc.getDocumentElement();
        assertThat(root.getAttribute("viewBox")).isEqualTo("120 110 831 282");
        assertThat(root.getAttribute("width")).isEqualTo("100%");
        assertThat(root.getAttribute("role")).isEqualTo("img");
        assertThat(root.getAttribute("aria-labelledby")).isEqualTo("pm-title");
        assertThat(root.getAttribute("aria-describedby")).isEqualTo("pm-desc");
        assertThat(first(root, "title").getTextContent()).isEqualTo("送温暖办理进度图");
        assertThat(first(root, "desc").getTextContent()).isEqualTo("当前步骤: 审批慰问名单; 已办理: —");

        Element current = group(doc, "data-element", "approveCampaignList");
        assertThat(current.getAttribute("class")).isEqualTo("pm-shape current user-task");
        assertThat(first(current, "title").getTextContent()).isEqualTo("审批慰问名单 — 当前步骤");
        Element rect = first(current, "rect");
        assertThat(List.of(rect.getAttribute("x"), rect.getAttribute("y"), rect.getAttribute("width"),
                rect.getAttribute("height"), rect.getAttribute("rx"))).containsExactly("250", "160", "100", "80", "10");
        assertThat(rect.getAttribute("stroke")).isEqualTo(ProcessMapSvg.CURRENT_STROKE);
        assertThat(rect.getAttribute("stroke-width")).isEqualTo("4");
        assertThat(rect.hasAttribute("stroke-dasharray")).isFalse();
        assertThat(texts(current)).contains("审批慰问名单", "▶ 当前");

        Element started = group(doc, "data-element", "campaignListSubmitted");
        assertThat(started.getAttribute("class")).isEqualTo("pm-shape passed start-event");
        Element circle = first(started, "circle");
        assertThat(List.of(circle.getAttribute("cx"), circle.getAttribute("cy"), circle.getAttribute("r")))
                .containsExactly("170", "200", "18");
        assertThat(started.getElementsByTagName("path").getLength()).as("a check mark").isEqualTo(1);
        assertThat(texts(started)).contains("慰问名单已提交");

        Element gateway = group(doc, "data-element", "isCampaignListApproved");
        assertThat(gateway.getAttribute("data-state")).isEqualTo("NOT_REACHED");
        assertThat(first(gateway, "polygon").getAttribute("points")).isEqualTo("440,175 465,200 440,225 415,200");
        assertThat(first(gateway, "polygon").getAttribute("stroke-dasharray")).isEqualTo("5 3");

        Element walked = group(doc, "data-flow", "listSubmittedForApproval");
        assertThat(walked.getAttribute("class")).isEqualTo("pm-flow passed");
        assertThat(first(walked, "polyline").getAttribute("points")).isEqualTo("188,200 250,200");
        assertThat(first(walked, "polyline").getAttribute("marker-end")).isEqualTo("url(#pm-arrow-passed)");
        Element notTaken = group(doc, "data-flow", "campaignListNotApproved");
        assertThat(notTaken.getAttribute("class")).isEqualTo("pm-flow not-reached");
        assertThat(first(notTaken, "polyline").getAttribute("points")).isEqualTo("440,225 440,340 540,340");
        assertThat(texts(notTaken)).containsExactly("不批准");

        assertThat(doc.getElementsByTagName("polyline").getLength()).isEqualTo(7);
        assertThat(doc.getElementsByTagName("polygon").getLength()).isEqualTo(1);
        assertThat(svg.split("class=\"pm-badge\"", -1)).as("one badge: one waiting step").hasSize(2);
    }

    @Test
    void theEnrollmentDiagramDrawsItsSubprocessesAsContainersAndEveryFlow() throws Exception {
        ProcessMap map = diagram("hardshipEnrollment").withCase(Map.of("applicationSubmitted", StepState.PASSED,
                "reviewChain", StepState.CURRENT, "reviewByDepartmentHead", StepState.CURRENT), List.of());
        Document doc = parsed(ProcessMapSvg.render(map, WORDS));

        assertThat(group(doc, "data-element", "reviewChain").getAttribute("class"))
                .isEqualTo("pm-shape current subprocess");
        assertThat(group(doc, "data-element", "reviewRejection").getAttribute("class"))
                .isEqualTo("pm-shape not-reached event-subprocess");
        assertThat(group(doc, "data-element", "reviewByDepartmentHead").getAttribute("class"))
                .isEqualTo("pm-shape current user-task");
        assertThat(map.current()).extracting(MapShape::id).containsExactly("reviewByDepartmentHead");
        assertThat(doc.getElementsByTagName("polyline").getLength()).isEqualTo(48);
        assertThat(map.shapes()).hasSize(51);
    }

    @Test
    void namesFromTheBpmnAreEscaped() throws Exception {
        ProcessMap map = new ProcessMap("p", "p", List.of(new MapShape("t", ShapeKind.USER_TASK,
                "<script>alert('x')</script>&", new Box(0, 0, 100, 80), null, StepState.CURRENT)), List.of(), List.of());
        String svg = ProcessMapSvg.render(map, WORDS);

        assertThat(svg).doesNotContain("<script>").contains("&lt;script&gt;");
        assertThat(String.join("", texts(parsed(svg).getDocumentElement()))).contains("<script>alert('x')</script>&");
    }

    @Test
    void longNamesWrapWithinTheTaskAndAreCutWhenTheyDoNotFit() {
        assertThat(ProcessMapSvg.wrap("综合办公室审批确认困难职工", 90, 12, 3)).containsExactly("综合办公室审批", "确认困难职工");
        assertThat(ProcessMapSvg.wrap("一二三四五六七八九十一二三四五六七八九十", 48, 12, 2))
                .containsExactly("一二三四", "五六七八…");
    }

    private static List<String> texts(Element parent) {
        List<String> texts = new ArrayList<>();
        NodeList nodes = parent.getElementsByTagName("text");
        for (int i = 0; i < nodes.getLength(); i++) {
            texts.add(nodes.item(i).getTextContent());
        }
        return texts;
    }
}
