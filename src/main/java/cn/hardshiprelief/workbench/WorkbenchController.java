package cn.hardshiprelief.workbench;

import cn.hardshiprelief.organization.Actor;
import cn.hardshiprelief.shared.BusinessException;
import cn.hardshiprelief.shared.ConflictException;
import cn.hardshiprelief.shared.ForbiddenException;
import cn.hardshiprelief.shared.NotFoundException;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.*;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The operations on a task besides deciding it (认领, 取消认领, 转办, 委派, 委派办结, 抄送), urging a case (催办), and the
 * copies a person received (抄送我的). Each POST redirects with a flash message; a refusal the person can mend (no
 * reason, nobody named) shows the page again with the message and what was typed.
 */
@Controller
class WorkbenchController {

    private final TaskOperations operations;
    private final CarbonCopies copies;
    private final BatchDecisions batches;
    private final MessageSource messages;
    private final DoneList doneList;

    WorkbenchController(TaskOperations operations, CarbonCopies copies, BatchDecisions batches, MessageSource messages,
                        DoneList doneList) {
        this.doneList = doneList;
        this.messages = messages;
        this.batches = batches;
        this.operations = operations;
        this.copies = copies;
    }

    @GetMapping("/tasks/{taskId}/operations")
    String page(Actor actor, @PathVariable String taskId, Model model) {
        model.addAttribute("view", operations.view(actor, taskId));
        return "workbench/operations";
    }

    @PostMapping("/tasks/{taskId}/claim")
    String claim(Actor actor, @PathVariable String taskId, RedirectAttributes flash) {
        operations.claim(actor, taskId);
        return done(flash, "workbench.claimed", "redirect:/tasks/" + taskId + "/operations");
    }

    @PostMapping("/tasks/{taskId}/release")
    String release(Actor actor, @PathVariable String taskId, RedirectAttributes flash) {
        operations.release(actor, taskId);
        return done(flash, "workbench.released", "redirect:/tasks");
    }

    @PostMapping("/tasks/{taskId}/transfer")
    String transfer(Actor actor, @PathVariable String taskId, @RequestParam(defaultValue = "") String target,
                    @RequestParam(defaultValue = "") String reason, @RequestParam Map<String, String> typed,
                    Model model, RedirectAttributes flash, HttpServletResponse response) {
        try {
            operations.transfer(actor, taskId, target, reason);
            return done(flash, "workbench.transferred", "redirect:/tasks");
        } catch (BusinessException e) {
            return again(actor, taskId, "transfer", e, typed, model, response);
        }
    }

    @PostMapping("/tasks/{taskId}/delegate")
    String delegate(Actor actor, @PathVariable String taskId, @RequestParam(defaultValue = "") String target,
                    @RequestParam(defaultValue = "") String reason, @RequestParam Map<String, String> typed,
                    Model model, RedirectAttributes flash, HttpServletResponse response) {
        try {
            operations.delegate(actor, taskId, target, reason);
            return done(flash, "workbench.delegated", "redirect:/tasks/" + taskId + "/operations");
        } catch (BusinessException e) {
            return again(actor, taskId, "delegate", e, typed, model, response);
        }
    }

    @PostMapping("/tasks/{taskId}/return")
    String returnTo(Actor actor, @PathVariable String taskId, @RequestParam(defaultValue = "") String step,
                    @RequestParam(defaultValue = "") String reason, @RequestParam Map<String, String> typed,
                    Model model, RedirectAttributes flash, HttpServletResponse response) {
        try {
            operations.returnTo(actor, taskId, step, reason);
            flash.addFlashAttribute("successArg", step);
            return done(flash, "workbench.returned", "redirect:/tasks");
        } catch (BusinessException e) {
            return again(actor, taskId, "return", e, typed, model, response);
        }
    }

    @PostMapping("/tasks/{taskId}/co-signers")
    String addCoSigner(Actor actor, @PathVariable String taskId, @RequestParam(defaultValue = "") String coSigner,
                       @RequestParam(defaultValue = "") String note, @RequestParam Map<String, String> typed,
                       Model model, RedirectAttributes flash, HttpServletResponse response) {
        try {
            operations.addCoSigner(actor, taskId, coSigner, note);
            return done(flash, "workbench.coSignerAdded", "redirect:/tasks/" + taskId + "/operations");
        } catch (BusinessException e) {
            return again(actor, taskId, "coSigner", e, typed, model, response);
        }
    }

    @PostMapping("/tasks/{coSigningTaskId}/co-signers/remove")
    String removeCoSigner(Actor actor, @PathVariable String coSigningTaskId, @RequestParam String step,
                          RedirectAttributes flash) {
        operations.removeCoSigner(actor, coSigningTaskId);
        return done(flash, "workbench.coSignerRemoved", "redirect:/tasks/" + step + "/operations");
    }

    @PostMapping("/tasks/{taskId}/co-sign")
    String coSign(Actor actor, @PathVariable String taskId, @RequestParam(defaultValue = "") String opinion,
                  @RequestParam Map<String, String> typed, Model model, RedirectAttributes flash,
                  HttpServletResponse response) {
        try {
            operations.coSign(actor, taskId, opinion);
            return done(flash, "workbench.coSigned", "redirect:/tasks");
        } catch (BusinessException e) {
            return again(actor, taskId, "coSign", e, typed, model, response);
        }
    }

    @PostMapping("/tasks/{taskId}/hand-back")
    String handBack(Actor actor, @PathVariable String taskId, @RequestParam(defaultValue = "") String opinion,
                    @RequestParam Map<String, String> typed, Model model, RedirectAttributes flash,
                    HttpServletResponse response) {
        try {
            operations.handBack(actor, taskId, opinion);
            return done(flash, "workbench.handedBack", "redirect:/tasks");
        } catch (BusinessException e) {
            return again(actor, taskId, "handBack", e, typed, model, response);
        }
    }

    @PostMapping("/tasks/{taskId}/carbon-copy")
    String carbonCopy(Actor actor, @PathVariable String taskId, @RequestParam(defaultValue = "") String recipients,
                      @RequestParam(defaultValue = "") String note, @RequestParam Map<String, String> typed,
                      Model model, RedirectAttributes flash, HttpServletResponse response) {
        try {
            List<String> copied = operations.carbonCopy(actor, taskId, usernames(recipients), note);
            flash.addFlashAttribute("successArg", copied.size());
            return done(flash, "workbench.copied", "redirect:/tasks/" + taskId + "/operations");
        } catch (BusinessException e) {
            return again(actor, taskId, "carbonCopy", e, typed, model, response);
        }
    }

    @PostMapping("/cases/{processId}/{businessKey}/urge")
    String urge(Actor actor, @PathVariable String processId, @PathVariable String businessKey,
                @RequestParam(defaultValue = "") String note, @RequestParam(defaultValue = "/") String back,
                RedirectAttributes flash) {
        String to = back.startsWith("/") && !back.startsWith("//") ? back : "/";
        try {
            operations.urge(actor, processId, businessKey, note);
            return done(flash, "workbench.urged", "redirect:" + to);
        } catch (ConflictException e) {
            flash.addFlashAttribute("warning", e.getMessageKey());
            return "redirect:" + to;
        }
    }

    /**
     * 批量审批 from the inbox filtered to one step: one submission of the step's form for each task chosen, each
     * decided on its own; the inbox then lists what was not decided and why.
     */
    @PostMapping("/tasks/batch")
    String batch(Actor actor, @RequestParam String step, @RequestParam(name = "taskId", required = false) List<String> taskIds,
                 @RequestParam Map<String, String> submitted, RedirectAttributes flash) {
        Map<String, String> fields = new java.util.HashMap<>(submitted);
        fields.keySet().removeAll(List.of("step", "taskId", "_csrf"));
        List<BatchDecisions.Outcome> outcomes = batches.decide(actor, step,
                taskIds == null ? List.of() : taskIds, fields);
        long decided = outcomes.stream().filter(BatchDecisions.Outcome::decided).count();
        flash.addFlashAttribute("batchDecided", decided);
        // rendered now: flash attributes live in the (database) session, plain strings travel best
        flash.addFlashAttribute("batchRefused", outcomes.stream().filter(o -> !o.decided())
                .map(o -> o.reference() + ": " + messages.getMessage(o.messageKey(), o.args(), o.messageKey(),
                        LocaleContextHolder.getLocale())).collect(java.util.stream.Collectors.toCollection(java.util.ArrayList::new)));
        return "redirect:/tasks?step=" + java.net.URLEncoder.encode(step, java.nio.charset.StandardCharsets.UTF_8);
    }

    @GetMapping("/tasks/done")
    String done(Actor actor, @RequestParam(defaultValue = "0") int page, Model model) {
        model.addAttribute("done", doneList.page(actor, Math.max(0, page)));
        return "tasks/done";
    }

    @GetMapping("/copies")
    String copies(Actor actor, @RequestParam(defaultValue = "0") int page, Model model) {
        model.addAttribute("copies", copies.copiedTo(actor, Math.min(Math.max(0, page), 1_000_000)));
        return "workbench/copies";
    }

    @GetMapping("/copies/{id}")
    String open(Actor actor, @PathVariable Long id) {
        return "redirect:" + copies.open(actor, id);
    }

    private static String done(RedirectAttributes flash, String message, String target) {
        flash.addFlashAttribute("success", message);
        return target;
    }

    /** Forbidden, gone or unknown go to the error page; a refusal the person can mend shows the page again. */
    private String again(Actor actor, String taskId, String operation, BusinessException e, Map<String, String> typed,
                         Model model, HttpServletResponse response) {
        if (e instanceof ForbiddenException || e instanceof ConflictException || e instanceof NotFoundException) {
            throw e;
        }
        response.setStatus(400);
        model.addAttribute("view", operations.view(actor, taskId));
        model.addAttribute("refused", operation);
        model.addAttribute("refusal", e.getMessageKey());
        model.addAttribute("refusalArgs", e.getArgs());
        model.addAttribute("typed", typed);
        return "workbench/operations";
    }

    /** Usernames typed with commas, spaces or 、 between them. */
    private static List<String> usernames(String typed) {
        return Arrays.stream(typed.split("[\\s,，、;；]+")).map(String::strip).filter(s -> !s.isEmpty()).distinct().toList();
    }
}
