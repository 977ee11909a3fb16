package org.newsroom.voting.config;

import java.util.List;

/** A list answer: the items and the cursor of the next page, or null on the last page. */
public record Page<T>(List<T> items, String next) {
}
