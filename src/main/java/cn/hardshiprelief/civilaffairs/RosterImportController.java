package cn.hardshiprelief.civilaffairs;

import cn.hardshiprelief.organization.Actor;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.io.IOException;
import java.io.InputStream;

/** Pages of the roster import: upload and history, and one import's progress or report. */
@Controller
@RequestMapping("/civil-affairs/imports")
public class RosterImportController {

    private final RosterImports imports;

    public RosterImportController(RosterImports imports) {
        this.imports = imports;
    }

    @GetMapping
    public String list(Actor actor, Model model) {
        model.addAttribute("imports", imports.history(actor));
        model.addAttribute("roster", imports.currentRoster(actor));
        return "civilaffairs/imports";
    }

    @PostMapping
    public String upload(Actor actor, @RequestParam(name = "file", required = false) MultipartFile file,
                         RedirectAttributes flash) throws IOException {
        try (InputStream content = file == null ? InputStream.nullInputStream() : file.getInputStream()) {
            Long id = imports.start(actor, file == null ? null : file.getOriginalFilename(), content);
            flash.addFlashAttribute("success", "civilaffairs.import.started");
            return "redirect:/civil-affairs/imports/" + id;
        } catch (RosterFileRejectedException e) {
            flash.addFlashAttribute("warning", e.getMessageKey());
            flash.addFlashAttribute("warningArg", e.getArgs().length == 0 ? null : e.getArgs()[0]);
            return "redirect:/civil-affairs/imports";
        }
    }

    @GetMapping("/{id}")
    public String show(Actor actor, @PathVariable Long id, Model model) {
        model.addAttribute("rosterImport", imports.view(actor, id));
        return "civilaffairs/import";
    }
}
