package cn.hardshiprelief.web;

import cn.hardshiprelief.enrollment.ApplicationQueries;
import cn.hardshiprelief.enrollment.EnrollmentApplication;
import cn.hardshiprelief.household.FollowUpProcess;
import cn.hardshiprelief.organization.Actor;
import cn.hardshiprelief.organization.DemoData;
import cn.hardshiprelief.organization.Role;
import cn.hardshiprelief.task.TaskPage;
import cn.hardshiprelief.task.Tasks;
import cn.hardshiprelief.organization.DemoUser;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The workbench, the start page after login, and the login page (with the demo users where the demo organisation is loaded). */
@Controller
public class HomeController {

    private final boolean demoData;
    private final boolean demoHouseholds;
    private final Tasks tasks;
    private final ApplicationQueries applications;

    public HomeController(@Value("${hardship.demo-data:false}") boolean demoData,
                          @Value("${hardship.demo-households:false}") boolean demoHouseholds, Tasks tasks,
                          ApplicationQueries applications) {
        this.tasks = tasks;
        this.applications = applications;
        this.demoData = demoData;
        this.demoHouseholds = demoHouseholds;
    }

    /**
     * The workbench (工作台): the person's tasks by due state and their groups' unclaimed ones, each count a link to the
     * inbox filtered so; their own applications with the step each waits at; for caseworkers the households waiting
     * for a re-check. Counts stop at {@link Tasks#COUNT_CAP}.
     */
    @GetMapping("/")
    public String home(Actor actor, Model model) {
        Instant now = tasks.now();
        model.addAttribute("counts", tasks.inboxCounts(actor.username(), actor.groupIds(), now,
                InboxController.Due.TODAY.before(now), InboxController.Due.WEEK.before(now)));
        model.addAttribute("cap", Tasks.COUNT_CAP);
        List<EnrollmentApplication> mine = applications.mine(actor, 0, MY_APPLICATIONS).getContent();
        Map<Long, String> steps = new HashMap<>();
        for (EnrollmentApplication application : mine) {
            if (application.getProcessInstanceId() != null && application.getStatus().inProgress()) {
                tasks.openTasksOf(application.getProcessInstanceId()).stream().findFirst()
                        .ifPresent(open -> steps.put(application.getId(), open.stepId()));
            }
        }
        model.addAttribute("applications", mine);
        model.addAttribute("steps", steps);
        if (actor.has(Role.BRANCH_UNION)) {
            model.addAttribute("rechecks", tasks.inboxPage(actor.username(), actor.groupIds(), null,
                    FollowUpProcess.RECHECK_TASK, 0, TaskPage.MAX_SIZE).tasks().size());
        }
        return "home";
    }

    private static final int MY_APPLICATIONS = 5;

    @GetMapping("/login")
    public String login(Model model) {
        if (demoData) {
            model.addAttribute("demoUsers", Arrays.stream(DemoUser.values())
                    .filter(u -> demoHouseholds || !u.isWithDemoHouseholds()).toList());
            model.addAttribute("demoPassword", DemoData.PASSWORD);
        }
        return "login";
    }
}
