package cn.hardshiprelief.enrollment;

import cn.hardshiprelief.shared.BusinessException;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * What the staff's list of applications shows: {@code status} is empty for the applications in progress
 * (the default), {@code ALL} for every submitted one, or one status; {@code number} an application number,
 * exactly. Drafts are not on it: until submitted, an application is its author's alone.
 */
public record ApplicationListFilter(String status, String number) {

    public static final String ALL = "ALL";

    /** The statuses a page may ask for, in the order the page offers them. */
    public static Set<ApplicationStatus> listed() {
        return EnumSet.complementOf(EnumSet.of(ApplicationStatus.DRAFT));
    }

    /** The statuses asked for; refuses a value no page offers. */
    Set<ApplicationStatus> statuses() {
        if (status == null || status.isBlank()) {
            return ApplicationStatus.inProgressStates();
        }
        if (status.strip().equalsIgnoreCase(ALL)) {
            return listed();
        }
        try {
            ApplicationStatus one = ApplicationStatus.valueOf(status.strip().toUpperCase(Locale.ROOT));
            if (listed().contains(one)) {
                return EnumSet.of(one);
            }
        } catch (IllegalArgumentException e) {
            // refused below
        }
        throw new BusinessException("applications.badStatus");
    }

    String exactNumber() {
        return number == null || number.isBlank() ? null : number.strip().toUpperCase(Locale.ROOT);
    }
}
