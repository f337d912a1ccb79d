package vn.congvu.uplink.internal;

import java.text.Normalizer;
import java.util.Map;
import vn.congvu.engine.InstalledModuleInfo;

/**
 * Who signed the jar of each rule bundle the node runs, at one moment, as the rule bundle manager verified it:
 * the texts are already as the protocol takes them (see {@link #asSent(String)}).
 *
 * @param byBundleId  the signer of each rule bundle, by the framework's id of the bundle
 * @param byJarSha256 the signer of each rule bundle, by the SHA-256 of its jar
 */
record Signers(Map<Long, String> byBundleId, Map<String, String> byJarSha256) {

    /** What a node without its rule bundle manager knows: nothing. */
    static final Signers NONE = new Signers(Map.of(), Map.of());

    /** The longest signer the ministry takes, in characters (node.proto). */
    static final int MAX = 500;

    /** Copies the maps. */
    Signers {
        byBundleId = Map.copyOf(byBundleId);
        byJarSha256 = Map.copyOf(byJarSha256);
    }

    /**
     * @param module a module the engine runs
     * @return who signed its bundle's jar, found by the bundle's id, else by the jar's SHA-256; empty when the
     *         node cannot say
     */
    String of(InstalledModuleInfo module) {
        String signer = byBundleId.get(module.bundleId());
        if (signer == null) {
            signer = byJarSha256.get(module.provenance().jarSha256());
        }
        return signer == null ? "" : signer;
    }

    /**
     * The signer as the ministry takes it (node.proto: a text of at most {@value #MAX} characters, in NFC, no
     * control or invisible characters, no space at either end), whatever a publisher put in its certificate's
     * subject: white space at either end goes, control and invisible characters become {@code ?}, the text is
     * cut at {@value #MAX} characters. One odd subject must not get the whole inventory refused.
     *
     * @param signer as the rule bundle manager says it, or null
     * @return the text to send; empty for an empty or null one (or one of spaces only)
     */
    static String asSent(String signer) {
        if (signer == null) {
            return "";
        }
        StringBuilder visible = new StringBuilder(signer.length());
        strip(signer).codePoints().forEach(c -> visible.appendCodePoint(switch (Character.getType(c)) {
            case Character.CONTROL, Character.FORMAT, Character.SURROGATE, Character.LINE_SEPARATOR,
                 Character.PARAGRAPH_SEPARATOR -> '?';
            default -> c;
        }));
        String text = Normalizer.normalize(visible, Normalizer.Form.NFC);
        if (text.codePointCount(0, text.length()) > MAX) {
            text = text.substring(0, text.offsetByCodePoints(0, MAX));
        }
        return strip(text);
    }

    /** @return the text without white space at either end, as the ministry counts it (also no-break spaces) */
    private static String strip(String text) {
        int start = 0;
        int end = text.length();
        while (start < end && isSpace(text.codePointAt(start))) {
            start += Character.charCount(text.codePointAt(start));
        }
        while (end > start && isSpace(text.codePointBefore(end))) {
            end -= Character.charCount(text.codePointBefore(end));
        }
        return text.substring(start, end);
    }

    private static boolean isSpace(int codePoint) {
        return Character.isWhitespace(codePoint) || Character.isSpaceChar(codePoint);
    }
}
