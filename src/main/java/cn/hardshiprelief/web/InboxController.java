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

    public InboxController(Tasks tasks, ReviewService reviews, FollowUpTasks followUp, SurveyService surveys,
                           AidInbox aid, CampaignInbox campaigns) {
        this.tasks = tasks;
        this.reviews = reviews;
        this.followUp = followUp;
        this.surveys = surveys;
        this.aid = aid;
        this.campaigns = campaigns;
    }

    @GetMapping("/tasks")
    public String inbox(Actor actor, @RequestParam(defaultValue = "0") int page, Model model) {
        TaskPage found = tasks.inboxPage(actor.username(), actor.groupIds(), null,
                Math.min(Math.max(0, page), LAST_PAGE), PAGE_SIZE);
        List<InboxEntry> entries = new ArrayList<>();
        for (String process : PROCESSES) {
            entries.addAll(entries(actor, process, found.of(process), found.page() == 0));
        }
        Map<String, Integer> order = new HashMap<>();
        List<OpenTask> listed = found.tasks();
        for (int i = 0; i < listed.size(); i++) {
            order.put(listed.get(i).id(), i);
        }
        // the page's order; the recipient's own receipts (not offered to their groups) come after it
        entries.sort(Comparator.comparing((InboxEntry e) -> order.getOrDefault(e.taskId(), Integer.MAX_VALUE))
                .thenComparing(InboxEntry::created));
        model.addAttribute("entries", entries);
        model.addAttribute("inbox", found);
        return "tasks/inbox";
    }

    /**
     * The page where a task is done, whichever process it belongs to: a notification of a task links here, because
     * only the task's feature knows its page. A task done (or gone) since then leads to the inbox, which says so.
     */
    @GetMapping("/tasks/{taskId}/open")
    public String open(Actor actor, @PathVariable String taskId, RedirectAttributes flash) {
        Optional<OpenTask> task = tasks.find(taskId);
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
