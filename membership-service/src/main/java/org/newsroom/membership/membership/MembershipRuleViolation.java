package org.newsroom.membership.membership;

/** A member asked for a change their membership's state does not allow. */
public class MembershipRuleViolation extends RuntimeException {

    private final String code;

    public MembershipRuleViolation(String code, String message) {
        super(message);
        this.code = code;
    }

    /** A stable slug for the problem type. */
    public String code() {
        return code;
    }
}
