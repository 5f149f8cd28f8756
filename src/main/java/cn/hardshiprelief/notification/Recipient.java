package cn.hardshiprelief.notification;

/**
 * Whom a notification is for, as the channels need them: the username, and the e-mail address when the person
 * asked for e-mail (null otherwise, or when the username is no account of ours).
 */
public record Recipient(String username, String emailAddress) {

    public boolean wantsEmail() {
        return emailAddress != null;
    }
}
