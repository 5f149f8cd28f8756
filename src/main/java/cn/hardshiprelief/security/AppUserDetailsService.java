package cn.hardshiprelief.security;

import cn.hardshiprelief.organization.AppGroup;
import cn.hardshiprelief.organization.AppUser;
import cn.hardshiprelief.organization.AppUserRepository;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Spring Security reads the same users and groups as Camunda: authorities are the role
 * ({@code ROLE_HR}) and the group id ({@code GROUP_hr_C01}).
 */
@Service
public class AppUserDetailsService implements UserDetailsService {

    public static final String GROUP_PREFIX = "GROUP_";

    private final AppUserRepository users;

    public AppUserDetailsService(AppUserRepository users) {
        this.users = users;
    }

    @Override
    @Transactional(readOnly = true)
    public UserDetails loadUserByUsername(String username) {
        AppUser user = users.findById(username).orElseThrow(() -> new UsernameNotFoundException(username));
        Set<GrantedAuthority> authorities = new LinkedHashSet<>();
        for (AppGroup group : user.getGroups()) {
            authorities.add(new SimpleGrantedAuthority(group.getRole().authority()));
            authorities.add(new SimpleGrantedAuthority(GROUP_PREFIX + group.getId()));
        }
        return new AppPrincipal(user.getUsername(), user.getPasswordHash(), user.isEnabled(), authorities,
                user.getDisplayName());
    }
}
