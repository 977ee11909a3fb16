package org.newsroom.article.reading;

import java.io.StringWriter;
import java.time.Instant;
import java.util.List;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import org.newsroom.article.content.ArticleDocument;
import org.newsroom.article.content.domain.Visibility;

/**
 * Writes an Atom 1.0 feed (RFC 4287) with a StAX writer, so every text is escaped by the XML library.
 * Patrons-only articles appear with their summary only; public ones carry their HTML as content.
 */
final class AtomFeed {

    static final String ATOM = "http://www.w3.org/2005/Atom";
    static final String PUBLISHER = "Newsroom";

    private AtomFeed() {
    }

    static String write(String publicUrl, String tag, List<ArticleDocument> articles, Instant now) {
        String base = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
        String self = base + "/api/articles/feed.atom" + (tag == null ? "" : "?tag=" + tag);
        Instant updated = articles.stream().map(a -> a.updatedAt() != null ? a.updatedAt() : a.publishedAt())
                .max(Instant::compareTo).orElse(now);
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.setDefaultNamespace(ATOM);
            xml.writeStartElement(ATOM, "feed");
            xml.writeDefaultNamespace(ATOM);
            text(xml, "id", tag == null ? base + "/articles" : base + "/articles?tag=" + tag);
            text(xml, "title", tag == null ? "Newsroom" : "Newsroom: " + tag);
            text(xml, "subtitle", "Reader-funded journalism");
            text(xml, "updated", updated.toString());
            link(xml, "self", self, "application/atom+xml");
            link(xml, "alternate", base + "/articles" + (tag == null ? "" : "?tag=" + tag), "text/html");
            author(xml, PUBLISHER);
            text(xml, "generator", "Newsroom article-service");
            for (ArticleDocument a : articles) {
                xml.writeStartElement(ATOM, "entry");
                text(xml, "id", "urn:uuid:" + uuidOrName(a.id()));
                text(xml, "title", a.title());
                text(xml, "updated", (a.updatedAt() != null ? a.updatedAt() : a.publishedAt()).toString());
                text(xml, "published", a.publishedAt().toString());
                link(xml, "alternate", base + "/articles/" + a.slug(), "text/html");
                for (String name : a.authors() == null ? List.<String>of() : a.authors()) {
                    author(xml, name);
                }
                for (String t : a.tags() == null ? List.<String>of() : a.tags()) {
                    xml.writeEmptyElement(ATOM, "category");
                    xml.writeAttribute("term", t);
                }
                if (a.dek() != null && !a.dek().isBlank()) {
                    text(xml, "summary", a.dek());
                }
                xml.writeStartElement(ATOM, "content");
                xml.writeAttribute("type", "html");
                xml.writeCharacters(a.visibility() == Visibility.PATRONS ? a.teaserHtml() : a.html());
                xml.writeEndElement();
                xml.writeEndElement();
            }
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("The feed could not be written", e);
        }
        return out.toString();
    }

    /** Atom ids must be IRIs; article ids are UUIDs, and anything else gets a stable name-based one. */
    private static String uuidOrName(String id) {
        try {
            return java.util.UUID.fromString(id).toString();
        } catch (IllegalArgumentException e) {
            return java.util.UUID.nameUUIDFromBytes(id.getBytes(java.nio.charset.StandardCharsets.UTF_8)).toString();
        }
    }

    private static void text(XMLStreamWriter xml, String element, String value) throws XMLStreamException {
        xml.writeStartElement(ATOM, element);
        xml.writeCharacters(value == null ? "" : value);
        xml.writeEndElement();
    }

    private static void link(XMLStreamWriter xml, String rel, String href, String type) throws XMLStreamException {
        xml.writeEmptyElement(ATOM, "link");
        xml.writeAttribute("rel", rel);
        xml.writeAttribute("type", type);
        xml.writeAttribute("href", href);
    }

    private static void author(XMLStreamWriter xml, String name) throws XMLStreamException {
        xml.writeStartElement(ATOM, "author");
        text(xml, "name", name);
        xml.writeEndElement();
    }
}
