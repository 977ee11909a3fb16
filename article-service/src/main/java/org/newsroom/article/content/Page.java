package org.newsroom.article.content;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/** A page of a list: the items and the cursor of the next page, or null on the last one. */
public record Page<T>(List<T> items, @JsonInclude(JsonInclude.Include.ALWAYS) String next) {
}
