package cn.hardshiprelief.workbench;

import cn.hardshiprelief.shared.BusinessException;
import cn.hardshiprelief.shared.NotFoundException;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.*;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.time.LocalDate;
import java.time.Year;

/** The managers' pages of deadlines (办理时限 per step) and of the working-day calendar (administrators: /admin/**). */
@Controller
@RequestMapping("/admin")
class DeadlinesController {

    private final StepDeadlines deadlines;
    private final WorkCalendar calendar;

    DeadlinesController(StepDeadlines deadlines, WorkCalendar calendar) {
        this.deadlines = deadlines;
        this.calendar = calendar;
    }

    @GetMapping("/deadlines")
    String deadlines(Model model) {
        model.addAttribute("deadlines", deadlines.all());
        model.addAttribute("maxDays", StepDeadline.MAX_DAYS);
        return "workbench/deadlines";
    }

    @PostMapping("/deadlines/{processId}/{stepId}")
    String change(@PathVariable String processId, @PathVariable String stepId, @RequestParam int workingDays,
                  @RequestParam(required = false) Integer escalateAfterDays, RedirectAttributes flash) {
        deadlines.change(processId, stepId, workingDays, escalateAfterDays);
        flash.addFlashAttribute("success", "deadlines.saved");
        return "redirect:/admin/deadlines";
    }

    @GetMapping("/calendar")
    String calendar(@RequestParam(required = false) Integer year, Model model) {
        int shown = year == null ? Year.now(WorkCalendar.ZONE).getValue() : year;
        if (shown < 2000 || shown > 2100) {
            throw new NotFoundException("calendar.badDay");
        }
        model.addAttribute("year", shown);
        model.addAttribute("days", calendar.exceptionsOf(shown));
        return "workbench/calendar";
    }

    @PostMapping("/calendar")
    String mark(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day,
                @RequestParam(defaultValue = "false") boolean working, @RequestParam(defaultValue = "") String note,
                RedirectAttributes flash) {
        calendar.mark(day, working, note);
        flash.addFlashAttribute("success", "calendar.saved");
        return "redirect:/admin/calendar?year=" + day.getYear();
    }

    @PostMapping("/calendar/{day}/delete")
    String unmark(@PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day, RedirectAttributes flash) {
        calendar.unmark(day);
        flash.addFlashAttribute("success", "calendar.saved");
        return "redirect:/admin/calendar?year=" + day.getYear();
    }
}
