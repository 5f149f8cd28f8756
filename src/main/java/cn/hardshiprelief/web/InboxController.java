package cn.hardshiprelief.web;

import cn.hardshiprelief.aid.AidInbox;
import cn.hardshiprelief.aid.AidProcess;
import cn.hardshiprelief.campaign.CampaignProcess;
import cn.hardshiprelief.enrollment.HardshipEnrollmentProcess;
import cn.hardshiprelief.enrollment.ReviewService;
import cn.hardshiprelief.household.FollowUpProcess;
import cn.hardshiprelief.household.FollowUpTasks;
import cn.hardshiprelief.organization.Actor;
import cn.hardshiprelief.survey.AnnualSurveyProcess;
import cn.hardshiprelief.survey.SurveyService;
import cn.hardshiprelief.task.InboxEntry;
import cn.hardshiprelief.task.OpenTask;
import cn.hardshiprelief.task.TaskPage;
import cn.hardshiprelief.task.Tasks;
import cn.hardshiprelief.workbench.BatchDecisions;
import cn.hardshiprelief.workbench.TaskOperations;
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The inbox (待办): every task waiting for the person — enrollment, the files' follow-up, the annual survey,
 * aid grants and warmth campaigns — a page of {@link #PAGE_SIZE} at a time, oldest first. One query reads the
 * page's tasks of all processes together ({@link Tasks#inboxPage}); each feature then reads its own records for
 * those tasks only.
 */
@Controller
public class InboxController {

    static final int PAGE_SIZE = 20;
    /** A page number beyond any inbox (typed in the address) shows an empty page, not a failure. */
    private static final int LAST_PAGE = 1_000_000;

    /** The processes whose tasks the inbox lists, each read by its own feature. */
    private static final List<String> PROCESSES = List.of(HardshipEnrollmentProcess.PROCESS_ID,
            FollowUpProcess.PROCESS_ID, AnnualSurveyProcess.PROCESS_ID, AidProcess.PROCESS_ID, CampaignProcess.PROCESS_ID);

    private final Tasks tasks;
    private final ReviewService reviews;
    private final FollowUpTasks followUp;
    private final SurveyService surveys;
    private final AidInbox aid;
    private final CampaignInbox campaigns;
    private final BatchDecisions batches;
    private final TaskOperations operations;
    private final MessageSource messages;

    public InboxController(Tasks tasks, ReviewService reviews, FollowUpTasks followUp, SurveyService surveys,
                           AidInbox aid, CampaignInbox campaigns, BatchDecisions batches, TaskOperations operations,
                           MessageSource messages) {
        this.messages = messages;
        this.operations = operations;
        this.batches = batches;
        this.tasks = tasks;
        this.reviews = reviews;
        this.followUp = followUp;
        this.surveys = surveys;
        this.aid = aid;
        this.campaigns = campaigns;
    }

    /** The inbox's due filter: overdue now, due by the end of today, due by the end of the week (Beijing time). */
    public enum Due {
        OVERDUE, TODAY, WEEK;

        public java.time.Instant before(java.time.Instant now) {
            java.time.LocalDate today = now.atZone(ZONE).toLocalDate();
            return switch (this) {
                case OVERDUE -> now;
                case TODAY -> today.plusDays(1).atStartOfDay(ZONE).toInstant();
                case WEEK -> today.with(java.time.temporal.TemporalAdjusters.next(java.time.DayOfWeek.MONDAY))
                        .atStartOfDay(ZONE).toInstant();
            };
        }
    }

    private static final java.time.ZoneId ZONE = WebConfig.ZONE;

    @GetMapping("/tasks")
    public String inbox(Actor actor, @RequestParam(defaultValue = "0") int page,
                        @RequestParam(required = false) String step, @RequestParam(required = false) Due due,
                        @RequestParam(required = false) String process, Model model) {
        String onlyStep = step == null || step.isBlank() || step.length() > 64 ? null : step;
        String onlyProcess = process != null && PROCESSES.contains(process) ? process : null;
        model.addAttribute("process", onlyProcess);
        model.addAttribute("processes", PROCESSES);
        TaskPage found = tasks.inboxPage(actor.username(), actor.groupIds(), onlyProcess, onlyStep,
                due == null ? null : due.before(tasks.now()), Math.min(Math.max(0, page), LAST_PAGE), PAGE_SIZE);
        model.addAttribute("step", onlyStep);
        model.addAttribute("due", due);
        // one step chosen, and its tasks are decided together: the step's form once, a box on each row
        if (onlyStep != null && batches.decidesInBatch(onlyStep) && !found.tasks().isEmpty()) {
            model.addAttribute("batchForm", tasks.form(found.tasks().get(0)));
        }
        List<InboxEntry> entries = entries(actor, found, found.page() == 0);
        List<OpenTask> listed = found.tasks();
        model.addAttribute("entries", entries);
        Map<String, java.time.Instant> dues = new HashMap<>();
        listed.stream().filter(t -> t.due() != null).forEach(t -> dues.put(t.id(), t.due()));
        model.addAttribute("dues", dues);
        model.addAttribute("now", tasks.now());
        model.addAttribute("inbox", found);
        return "tasks/inbox";
    }

    /** Rows an export holds at most: twenty pages of the inbox. */
    static final int EXPORT_ROWS = 1_000;

    /**
     * The inbox as filtered, as an .xlsx file: step, case, applicant, unit, arrival, due date, overdue. Read a page
     * at a time by the inbox's own query, up to {@value #EXPORT_ROWS} rows.
     */
    @GetMapping(path = "/tasks.xlsx")
    public ResponseEntity<byte[]> export(Actor actor, @RequestParam(required = false) String step,
                                         @RequestParam(required = false) Due due, java.util.Locale locale) {
        String onlyStep = step == null || step.isBlank() || step.length() > 64 ? null : step;
        java.time.Instant now = tasks.now();
        List<InboxEntry> rows = new ArrayList<>();
        Map<String, java.time.Instant> dues = new HashMap<>();
        for (int page = 0; rows.size() < EXPORT_ROWS; page++) {
            TaskPage found = tasks.inboxPage(actor.username(), actor.groupIds(), null, onlyStep,
                    due == null ? null : due.before(now), page, TaskPage.MAX_SIZE);
            rows.addAll(entries(actor, found, page == 0));
            found.tasks().stream().filter(t -> t.due() != null).forEach(t -> dues.put(t.id(), t.due()));
            if (!found.hasNext()) {
                break;
            }
        }
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("待办-" + now.atZone(ZONE).toLocalDate() + ".xlsx", java.nio.charset.StandardCharsets.UTF_8)
                        .build().toString())
                .body(InboxWorkbook.write(rows.stream().limit(EXPORT_ROWS).toList(), dues, now, messages, locale));
    }

    /** The page's lines, each feature reading its own records for its own tasks, in the page's order. */
    private List<InboxEntry> entries(Actor actor, TaskPage found, boolean firstPage) {
        List<InboxEntry> entries = new ArrayList<>();
        for (String process : PROCESSES) {
            entries.addAll(entries(actor, process, found.of(process), firstPage));
        }
        entries.addAll(operations.coSigningEntries(found.tasks()));
        Map<String, Integer> order = new HashMap<>();
        List<OpenTask> listed = found.tasks();
        for (int i = 0; i < listed.size(); i++) {
            order.put(listed.get(i).id(), i);
        }
        // the page's order; the recipient's own receipts (not offered to their groups) come after it
        entries.sort(Comparator.comparing((InboxEntry e) -> order.getOrDefault(e.taskId(), Integer.MAX_VALUE))
                .thenComparing(InboxEntry::created));
        return entries;
    }

    /**
     * The page where a task is done, whichever process it belongs to: a notification of a task links here, because
     * only the task's feature knows its page. A task done (or gone) since then leads to the inbox, which says so.
     */
    @GetMapping("/tasks/{taskId}/open")
    public String open(Actor actor, @PathVariable String taskId, RedirectAttributes flash) {
        Optional<OpenTask> task = tasks.find(taskId);
        if (task.isPresent() && task.get().coSigning()) { // a co-signer signs on the task's operations page
            return "redirect:/tasks/" + taskId + "/operations";
        }
        List<InboxEntry> entries = task.map(t -> entries(actor, tasks.processIdOf(t), List.of(t), false))
                .orElse(List.of());
        if (entries.isEmpty()) {
            flash.addFlashAttribute("warning", "tasks.open.gone");
            return "redirect:/tasks";
        }
        return "redirect:" + entries.get(0).link();
    }

    /** The inbox lines of these tasks of one process, read by the feature the process belongs to. */
    private List<InboxEntry> entries(Actor actor, String processId, List<OpenTask> open, boolean firstPage) {
        return switch (processId) {
            case HardshipEnrollmentProcess.PROCESS_ID -> reviews.inboxEntries(open);
            case FollowUpProcess.PROCESS_ID -> followUp.inboxEntries(open);
            case AnnualSurveyProcess.PROCESS_ID -> surveys.inboxEntries(open);
            case AidProcess.PROCESS_ID -> aid.inboxEntries(actor, open, firstPage);
            case CampaignProcess.PROCESS_ID -> campaigns.inboxEntries(actor, open);
            default -> List.of();
        };
    }
}
