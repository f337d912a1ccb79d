package vn.congvu.health.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * Reads the settings a bundle declares from its metatype resources ({@code OSGI-INF/metatype/*.xml}, written
 * by bnd from {@code @ObjectClassDefinition} and {@code @Designate}): for each designated PID, its keys with
 * their types, and which have no default. Read from the resources rather than through a MetaType service,
 * which keeps one object class per PID where a PID's settings may be spread over several.
 */
final class MetatypeDeclarations {

    private MetatypeDeclarations() {
    }

    /**
     * Adds the settings of one metatype document to {@code byPid}.
     *
     * @param xml   a metatype document
     * @param byPid PID to its settings by key, added to
     * @throws IOException if the document cannot be read or is not metatype XML
     */
    static void read(InputStream xml, Map<String, Map<String, DeclaredSetting>> byPid) throws IOException {
        Document document = parse(xml);
        Map<String, Map<String, DeclaredSetting>> byOcd = new HashMap<>();
        NodeList ocds = document.getElementsByTagName("OCD");
        for (int i = 0; i < ocds.getLength(); i++) {
            Element ocd = (Element) ocds.item(i);
            Map<String, DeclaredSetting> settings = new LinkedHashMap<>();
            NodeList ads = ocd.getElementsByTagName("AD");
            for (int j = 0; j < ads.getLength(); j++) {
                Element ad = (Element) ads.item(j);
                String key = ad.getAttribute("id");
                settings.put(key, new DeclaredSetting(key, ad.getAttribute("type").isEmpty() ? "String" : ad.getAttribute("type"),
                        !ad.hasAttribute("default") && !"false".equals(ad.getAttribute("required")),
                        ad.getAttribute("description")));
            }
            byOcd.put(ocd.getAttribute("id"), settings);
        }
        NodeList designates = document.getElementsByTagName("Designate");
        for (int i = 0; i < designates.getLength(); i++) {
            Element designate = (Element) designates.item(i);
            String pid = designate.getAttribute("pid").isEmpty() ? designate.getAttribute("factoryPid") : designate.getAttribute("pid");
            NodeList objects = designate.getElementsByTagName("Object");
            for (int j = 0; j < objects.getLength(); j++) {
                Map<String, DeclaredSetting> settings = byOcd.get(((Element) objects.item(j)).getAttribute("ocdref"));
                if (settings != null) {
                    byPid.computeIfAbsent(pid, any -> new LinkedHashMap<>()).putAll(settings);
                }
            }
        }
    }

    private static Document parse(InputStream xml) throws IOException {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            return factory.newDocumentBuilder().parse(xml);
        } catch (ParserConfigurationException | SAXException e) {
            throw new IOException("not a metatype document: " + e.getMessage(), e);
        }
    }
}
