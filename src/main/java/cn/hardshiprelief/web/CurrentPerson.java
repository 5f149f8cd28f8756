package cn.hardshiprelief.web;

import cn.hardshiprelief.security.AppPrincipal;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** The header of every page names the person logged in (张伟), not their username. */
@ControllerAdvice(annotations = Controller.class)
class CurrentPerson {

    @ModelAttribute("currentPersonName")
    String currentPersonName() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || authentication instanceof AnonymousAuthenticationToken) {
            return null;
        }
        return AppPrincipal.nameOf(authentication.getPrincipal(), authentication.getName());
    }
}
