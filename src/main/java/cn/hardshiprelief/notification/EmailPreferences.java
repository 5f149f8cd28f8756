package cn.hardshiprelief.notification;

import cn.hardshiprelief.organization.Actor;
import cn.hardshiprelief.organization.AppUser;
import cn.hardshiprelief.organization.AppUserRepository;
import cn.hardshiprelief.shared.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A person's own choice of e-mail for their notifications (/notifications/settings). */
@Service
@Transactional
public class EmailPreferences {

    private final AppUserRepository users;
    private final MailOutbox outbox;

    public EmailPreferences(AppUserRepository users, MailOutbox outbox) {
        this.users = users;
        this.outbox = outbox;
    }

    /** What the person chose so far, as the form shows it. */
    @Transactional(readOnly = true)
    public EmailPreferenceForm of(Actor actor) {
        AppUser user = user(actor);
        return EmailPreferenceForm.of(user.getEmail(), user.isNotifyByEmail());
    }

    public void choose(Actor actor, EmailPreferenceForm form) {
        user(actor).chooseNotificationEmail(form.email(), form.sendsEmail());
    }

    /** Whether this installation sends e-mail at all (a mail server is configured): the page says so when it does not. */
    public boolean mailEnabled() {
        return outbox.enabled();
    }

    private AppUser user(Actor actor) {
        return users.findById(actor.username()).orElseThrow(() -> new NotFoundException("notification.notFound", actor.username()));
    }
}
