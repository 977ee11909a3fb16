package org.newsroom.article.content.domain;

/** One reason why input was refused, named by the field it concerns. */
public record Violation(String field, String message) {
}
