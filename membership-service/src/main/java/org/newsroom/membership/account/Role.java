package org.newsroom.membership.account;

/** What someone may do besides reading: every account is a reader; editors and admins are granted. */
public enum Role {
    READER, EDITOR, ADMIN
}
