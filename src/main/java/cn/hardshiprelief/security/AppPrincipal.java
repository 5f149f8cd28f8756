package cn.hardshiprelief.security;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.User;

import java.util.Collection;

/** The logged-in person with their name, so pages greet 张伟 rather than worker1 without a query per page. */
public class AppPrincipal extends User {

    private final String displayName;

    AppPrincipal(String username, String password, boolean enabled, Collection<? extends GrantedAuthority> authorities,
                 String displayName) {
        super(username, password, enabled, true, true, true, authorities);
        this.displayName = displayName;
    }

    public String getDisplayName() {
        return displayName;
    }

    /** The name of whoever is behind an authentication's principal: theirs if we know it, else the username. */
    public static String nameOf(Object principal, String username) {
        return principal instanceof AppPrincipal app && app.displayName != null && !app.displayName.isBlank()
                ? app.displayName : username;
    }
}
