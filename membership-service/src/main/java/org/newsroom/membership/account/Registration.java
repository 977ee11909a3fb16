package org.newsroom.membership.account;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** The rules a new account must meet. */
public final class Registration {

    public static final int MIN_PASSWORD_LENGTH = 10;
    /** In UTF-8 bytes: the most the password hash takes into account. */
    public static final int MAX_PASSWORD_BYTES = 72;
    public static final int MAX_DISPLAY_NAME_LENGTH = 100;
    public static final int MAX_EMAIL_LENGTH = 254;

    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

    private Registration() {
    }

    /**
     * The form of an address used to find the account: trimmed and lower-cased, so
     * {@code Ada@Example.org } and {@code ada@example.org} are one account.
     */
    public static String normaliseEmail(String email) {
        return email == null ? null : email.strip().toLowerCase(Locale.ROOT);
    }

    public static List<FieldError> check(String email, String password, String displayName) {
        List<FieldError> errors = new ArrayList<>();
        String normalised = normaliseEmail(email);
        if (normalised == null || normalised.isEmpty()) {
            errors.add(new FieldError("email", "is required"));
        } else if (normalised.length() > MAX_EMAIL_LENGTH || !EMAIL.matcher(normalised).matches()) {
            errors.add(new FieldError("email", "must be an email address"));
        }
        if (password == null || password.length() < MIN_PASSWORD_LENGTH) {
            errors.add(new FieldError("password", "must be at least " + MIN_PASSWORD_LENGTH + " characters"));
        } else if (password.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES) {
            errors.add(new FieldError("password", "must be at most " + MAX_PASSWORD_BYTES + " bytes"));
        }
        String name = displayName == null ? "" : displayName.strip();
        if (name.isEmpty()) {
            errors.add(new FieldError("displayName", "is required"));
        } else if (name.length() > MAX_DISPLAY_NAME_LENGTH) {
            errors.add(new FieldError("displayName", "must be at most " + MAX_DISPLAY_NAME_LENGTH + " characters"));
        }
        return errors;
    }
}
