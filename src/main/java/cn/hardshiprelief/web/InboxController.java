package cn.hardshiprelief.web;

import cn.hardshiprelief.aid.AidInbox;
import cn.hardshiprelief.enrollment.ReviewService;
import cn.hardshiprelief.household.FollowUpTasks;
import cn.hardshiprelief.organization.Actor;
import cn.hardshiprelief.survey.SurveyService;
import cn.hardshiprelief.task.InboxEntry;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The inbox (待办): every task waiting for the person — enrollment, the files' follow-up, the annual survey,
 * aid grants and warmth campaigns.
 */
@Controller
public class InboxController {

    private final ReviewService reviews;
    private final FollowUpTasks followUp;
    private final SurveyService surveys;
    private final AidInbox aid;
    private final CampaignInbox campaigns;

    public InboxController(ReviewService reviews, FollowUpTasks followUp, SurveyService surveys, AidInbox aid,
                           CampaignInbox campaigns) {
        this.reviews = reviews;
        this.followUp = followUp;
        this.surveys = surveys;
        this.aid = aid;
        this.campaigns = campaigns;
    }

    @GetMapping("/tasks")
    public String inbox(Actor actor, Model model) {
        List<InboxEntry> entries = new ArrayList<>(reviews.inboxEntries(actor));
        entries.addAll(followUp.inboxEntries(actor));
        entries.addAll(surveys.inboxEntries(actor));
        entries.addAll(aid.inboxEntries(actor));
        entries.addAll(campaigns.inboxEntries(actor));
        entries.sort(Comparator.comparing(InboxEntry::created));
        model.addAttribute("entries", entries);
        return "tasks/inbox";
    }
}
