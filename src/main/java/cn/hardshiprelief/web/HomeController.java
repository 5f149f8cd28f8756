package cn.hardshiprelief.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The start page after login, and the login page. */
@Controller
public class HomeController {

    @GetMapping("/")
    public String home() {
        return "redirect:/tasks";
    }

    @GetMapping("/login")
    public String login() {
        return "login";
    }
}
