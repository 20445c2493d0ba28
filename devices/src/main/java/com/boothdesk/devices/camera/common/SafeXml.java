package com.boothdesk.devices.camera.common;

import java.io.ByteArrayInputStream;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/** XML from cameras, parsed without DOCTYPEs or external entities (no XXE), namespace-agnostic lookups. */
public final class SafeXml {
    private SafeXml() {
    }

    public static Document parse(byte[] xml) {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setXIncludeAware(false);
            f.setExpandEntityReferences(false);
            DocumentBuilder b = f.newDocumentBuilder();
            b.setErrorHandler(null);
            return b.parse(new ByteArrayInputStream(xml));
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("XML parser cannot be made safe", e);
        } catch (org.xml.sax.SAXException | java.io.IOException e) {
            throw new IllegalArgumentException("malformed XML: " + LogText.cut(e.getMessage()), e);
        }
    }

    /** The first descendant element with this local name, or null. */
    public static Element first(Node parent, String localName) {
        if (parent == null) {
            return null;
        }
        NodeList all = parent instanceof Document d ? d.getElementsByTagNameNS("*", localName)
                : ((Element) parent).getElementsByTagNameNS("*", localName);
        return all.getLength() == 0 ? null : (Element) all.item(0);
    }

    /** The trimmed text of the first descendant with this local name, or "" when absent. */
    public static String text(Node parent, String localName) {
        Element e = first(parent, localName);
        return e == null ? "" : e.getTextContent().trim();
    }
}
