package cn.hardshiprelief.security;

/**
 * What a password set in this application must be: at least 10 characters with letters and digits, and not
 * the username. Stored only as a BCrypt hash.
 */
public final class PasswordPolicy {

    public static final int MINIMUM_LENGTH = 10;

    private PasswordPolicy() {
    }

    /** Throws {@link IllegalArgumentException} naming what is wrong. */
    public static void check(String username, String password) {
        if (password == null || password.length() < MINIMUM_LENGTH) {
            throw new IllegalArgumentException("A password needs at least " + MINIMUM_LENGTH + " characters");
        }
        if (password.chars().noneMatch(Character::isLetter) || password.chars().noneMatch(Character::isDigit)) {
            throw new IllegalArgumentException("A password needs both letters and digits");
        }
        if (password.equalsIgnoreCase(username)) {
            throw new IllegalArgumentException("A password must not be the username");
        }
    }
}
