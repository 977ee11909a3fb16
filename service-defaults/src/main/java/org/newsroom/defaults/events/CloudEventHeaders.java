package org.newsroom.defaults.events;

import java.nio.charset.StandardCharsets;

/**
 * The CloudEvents 1.0 Kafka protocol binding, binary mode: each attribute is a record header named
 * {@code ce_<attribute>}, the record value is the event's data and {@code content-type} says how it
 * is encoded.
 */
public final class CloudEventHeaders {

    public static final String ID = "ce_id";
    public static final String SOURCE = "ce_source";
    public static final String TYPE = "ce_type";
    public static final String SPEC_VERSION = "ce_specversion";
    public static final String TIME = "ce_time";
    public static final String SUBJECT = "ce_subject";
    public static final String CONTENT_TYPE = "content-type";
    public static final String SPEC_VERSION_VALUE = "1.0";
    public static final String JSON = "application/json";

    private CloudEventHeaders() {
    }

    /** Header values arrive as bytes from a raw Kafka record and as strings through some mappers. */
    public static String text(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof byte[] bytes) {
            return new String(bytes, StandardCharsets.UTF_8);
        }
        return value.toString();
    }
}
