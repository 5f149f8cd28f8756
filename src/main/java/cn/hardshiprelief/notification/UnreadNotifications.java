package cn.hardshiprelief.notification;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * The header of every page shows how many notifications the person has not read: one count on the recipient's
 * index per page, no entity read.
 */
@ControllerAdvice(annotations = Controller.class)
class UnreadNotifications {

    private final NotificationCentre centre;

    UnreadNotifications(NotificationCentre centre) {
        this.centre = centre;
    }

    @ModelAttribute("unreadNotifications")
    Long unreadNotifications() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !authentication.isAuthenticated()
                || authentication instanceof AnonymousAuthenticationToken) {
            return null;
        }
        return centre.unread(authentication.getName());
    }
}
