package cn.hardshiprelief.organization;

import jakarta.persistence.*;

import java.util.LinkedHashSet;
import java.util.Set;

/** A person who logs in. The password is stored only as a BCrypt hash. */
@Entity
@Table(name = "app_user")
public class AppUser {

    @Id
    private String username;

    @Column(name = "display_name", nullable = false)
    private String displayName;

    @Column(name = "password_hash", nullable = false)
    private String passwordHash;

    private String email;

    /** Whether the person wants their notifications by e-mail as well as in the application. */
    @Column(name = "notify_by_email", nullable = false)
    private boolean notifyByEmail;

    @ManyToOne(fetch = FetchType.EAGER, optional = false)
    @JoinColumn(name = "org_unit_id")
    private OrgUnit orgUnit;

    @Column(nullable = false)
    private boolean enabled = true;

    @ManyToMany(fetch = FetchType.EAGER)
    @JoinTable(name = "app_membership",
            joinColumns = @JoinColumn(name = "username"),
            inverseJoinColumns = @JoinColumn(name = "group_id"))
    private Set<AppGroup> groups = new LinkedHashSet<>();

    protected AppUser() {
    }

    public AppUser(String username, String displayName, String passwordHash, OrgUnit orgUnit) {
        this.username = username;
        this.displayName = displayName;
        this.passwordHash = passwordHash;
        this.orgUnit = orgUnit;
    }

    public void joinGroup(AppGroup group) {
        groups.add(group);
    }

    /**
     * The person's choice of e-mail for their notifications: the address (blank: none) and whether to send there.
     * E-mail without an address is refused, so a person who asked for e-mail always has somewhere to get it.
     */
    public void chooseNotificationEmail(String address, boolean byEmail) {
        String trimmed = address == null || address.isBlank() ? null : address.strip();
        if (byEmail && trimmed == null) {
            throw new IllegalArgumentException("E-mail notifications need an address");
        }
        this.email = trimmed;
        this.notifyByEmail = byEmail;
    }

    public String getUsername() { return username; }
    public String getDisplayName() { return displayName; }
    public String getPasswordHash() { return passwordHash; }
    public String getEmail() { return email; }
    public boolean isNotifyByEmail() { return notifyByEmail; }
    public OrgUnit getOrgUnit() { return orgUnit; }
    public boolean isEnabled() { return enabled; }
    public Set<AppGroup> getGroups() { return Set.copyOf(groups); }
}
