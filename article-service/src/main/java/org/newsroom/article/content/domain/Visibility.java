package org.newsroom.article.content.domain;

/** Who may read an article's full body. */
public enum Visibility {
    /** Everyone, signed in or not. */
    PUBLIC,
    /** Active patrons (including those in their grace period) and editors; everyone else gets a teaser. */
    PATRONS
}
