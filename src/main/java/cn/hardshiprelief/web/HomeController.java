package cn.hardshiprelief.web;

import cn.hardshiprelief.organization.DemoData;
import cn.hardshiprelief.organization.DemoUser;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import java.util.Arrays;

/** The start page after login, and the login page (with the demo users where the demo organisation is loaded). */
@Controller
public class HomeController {

    private final boolean demoData;
    private final boolean demoHouseholds;

    public HomeController(@Value("${hardship.demo-data:false}") boolean demoData,
                          @Value("${hardship.demo-households:false}") boolean demoHouseholds) {
        this.demoData = demoData;
        this.demoHouseholds = demoHouseholds;
    }

    @GetMapping("/")
    public String home() {
        return "redirect:/tasks";
    }

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
