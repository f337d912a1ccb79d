package vn.congvu.engine.internal.intake;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import vn.congvu.engine.internal.intake.XlsxTableGuard.Refused;

/**
 * Walks one part of an xlsx as fastexcel-reader would, refusing what it could not read in bounded memory and time.
 * fastexcel-reader holds each row's cells in a list as long as the row's last column (so a cell named ZZZZZZ1 makes
 * a list of 321 million); holds the shared strings up to the highest one a cell names, and an empty one for each
 * number past the end; keeps every shared and array formula, relationship, sheet and format; rewrites a shared
 * formula for each cell using it (costing its length times its references), and tests every cell against every
 * array formula. Its parser, aalto, keeps each element name it meets and an entry per nesting level. Every limit
 * here is far above what Excel writes: its grid is A1:XFD1048576, a formula has at most 8,192 characters.
 */
final class XlsxTablePart {

    private static final int MAX_DEPTH = 64, MAX_NAMES = 4_096, MAX_NAME_CHARS = 256, MAX_COLUMNS = 16_384;
    private static final int MAX_ROW_CHARS = 4 << 20, MAX_FORMULA_CHARS = 8_192, MAX_NUMBER_CHARS = 400;
    /** Characters copied rewriting shared formulas; cells times array formulas: each some seconds of work. */
    private static final long MAX_SHARED_FORMULA_WORK = 10_000_000_000L, MAX_ARRAY_FORMULA_WORK = 1_000_000_000L;
    private static final Pattern CELL = Pattern.compile("\\$?([A-Za-z]{1,3})\\$?([0-9]{1,7})");

    private final String part;
    private final XlsxTableGuard guard;
    private final Set<String> names = new HashSet<>();
    private final Map<String, Long> sharedFormulaCost = new HashMap<>();
    private final StringBuilder formula = new StringBuilder();
    private int depth, textDepth, cellsInRow, valueChars;
    private boolean inRow, inSharedString, inFormula, inValue, numberCell, stringCell, indexIsNumber;
    private long rowChars, cells, arrayFormulas, formulaWork, sharedStringIndex;
    private String formulaType, formulaIndex, formulaRange;

    XlsxTablePart(String part, XlsxTableGuard guard) {
        this.part = part;
        this.guard = guard;
    }

    void walk(XMLStreamReader xml) throws XMLStreamException, Refused {
        while (xml.hasNext()) {
            int event = xml.next();
            if (event == XMLStreamReader.START_ELEMENT) {
                start(xml);
            } else if (event == XMLStreamReader.END_ELEMENT) {
                end(xml.getLocalName());
            } else if (textDepth > 0 && (inRow || inSharedString)) {
                if (event == XMLStreamReader.CDATA) { // its length is never asked: aalto would read it whole
                    throw refused("một ô chứa đoạn CDATA, điều Excel không bao giờ ghi", "a cell holds a CDATA section,"
                            + " which Excel never writes");
                } else if (event == XMLStreamReader.CHARACTERS || event == XMLStreamReader.SPACE) {
                    text(xml);
                } // comments and processing instructions are skipped unread, here and by fastexcel-reader
            }
        }
        if (arrayFormulas * cells > MAX_ARRAY_FORMULA_WORK) {
            throw formulasTooSlow();
        }
    }

    private void start(XMLStreamReader xml) throws Refused {
        if (++depth > MAX_DEPTH) {
            throw refused("các phần tử lồng nhau sâu hơn " + MAX_DEPTH + " mức", "elements nest more than " + MAX_DEPTH
                    + " deep");
        }
        name(xml.getPrefix(), xml.getLocalName());
        for (int i = 0; i < xml.getAttributeCount(); i++) {
            name(xml.getAttributePrefix(i), xml.getAttributeLocalName(i));
        }
        for (int i = 0; i < xml.getNamespaceCount(); i++) {
            name("xmlns", xml.getNamespacePrefix(i));
        }
        switch (xml.getLocalName()) {
            case "row" -> { inRow = true; cellsInRow = 0; rowChars = 0; }
            case "c" -> { if (inRow) { cell(xml.getAttributeValue(null, "r"), xml.getAttributeValue(null, "t")); } }
            case "si" -> { inSharedString = true; guard.sharedString(); }
            case "v" -> { inValue = true; sharedStringIndex = 0; indexIsNumber = true; }
            case "f" -> { inFormula = true; formula.setLength(0); formulaType = xml.getAttributeValue(null, "t");
                formulaIndex = xml.getAttributeValue(null, "si"); formulaRange = xml.getAttributeValue(null, "ref"); }
            case "Relationship", "sheet", "numFmt", "xf" -> guard.keep(64 + 2 * attributeChars(xml));
            default -> { }
        }
        textDepth += isText(xml.getLocalName()) ? 1 : 0;
    }

    private static long attributeChars(XMLStreamReader xml) {
        long chars = 0;
        for (int i = 0; i < xml.getAttributeCount(); i++) {
            chars += xml.getAttributeValue(i).length();
        }
        return chars;
    }

    private void cell(String reference, String type) throws Refused {
        if (++cellsInRow > MAX_COLUMNS) {
            throw refused("một hàng có hơn " + MAX_COLUMNS + " ô (Excel có " + MAX_COLUMNS + " cột)", "a row has more than "
                    + MAX_COLUMNS + " cells (Excel has " + MAX_COLUMNS + " columns)");
        }
        cells++;
        numberCell = type == null || type.equals("n");
        stringCell = "s".equals(type);
        valueChars = 0;
        if (reference != null && !inGrid(reference)) {
            String shown = reference.length() > 40 ? reference.substring(0, 40) + "…" : reference;
            throw refused("địa chỉ ô '" + shown + "' nằm ngoài lưới của Excel (A1:XFD1048576)", "the cell reference '"
                    + shown + "' is outside Excel's grid (A1:XFD1048576)");
        }
    }

    private void text(XMLStreamReader xml) throws Refused {
        int length = xml.getTextLength();
        if (inRow && (rowChars += length) > MAX_ROW_CHARS) {
            throw XlsxTableGuard.tooLarge(vi("một hàng chứa hơn " + MAX_ROW_CHARS + " ký tự"),
                    en("a row holds more than " + MAX_ROW_CHARS + " characters"));
        }
        if (inSharedString) {
            guard.keep(2L * length);
        }
        if (inFormula && formula.length() + length > MAX_FORMULA_CHARS) {
            throw refused("một công thức dài hơn " + MAX_FORMULA_CHARS + " ký tự (giới hạn của Excel)", "a formula is"
                    + " longer than " + MAX_FORMULA_CHARS + " characters (Excel's limit)");
        } else if (inFormula) {
            formula.append(xml.getTextCharacters(), xml.getTextStart(), length);
        }
        if (inValue && numberCell && (valueChars += length) > MAX_NUMBER_CHARS) { // Java reads long numbers slowly
            throw refused("một ô số có giá trị dài hơn " + MAX_NUMBER_CHARS + " ký tự", "a number cell's value is"
                    + " longer than " + MAX_NUMBER_CHARS + " characters");
        } else if (inValue && stringCell) {
            char[] text = xml.getTextCharacters();
            for (int i = xml.getTextStart(); i < xml.getTextStart() + length; i++) { // however aalto splits it
                indexIsNumber &= text[i] >= '0' && text[i] <= '9';
                sharedStringIndex = Math.min(sharedStringIndex * 10 + text[i] - '0', Integer.MAX_VALUE + 1L);
            }
        }
    }

    private void end(String name) throws Refused {
        depth--;
        textDepth -= isText(name) ? 1 : 0;
        switch (name) {
            case "row" -> inRow = false;
            case "si" -> inSharedString = false;
            case "v" -> { inValue = false; sharedStringUsed(); }
            case "f" -> formulaEnd();
            default -> { }
        }
    }

    /** A string cell names its text by number: fastexcel-reader reads that many shared strings, or pads with empty ones. */
    private void sharedStringUsed() {
        if (stringCell && indexIsNumber && sharedStringIndex <= Integer.MAX_VALUE) { // else fastexcel-reader fails on it
            guard.sharedStringUsed(sharedStringIndex);
        }
    }

    private void formulaEnd() throws Refused {
        inFormula = false;
        if ("array".equals(formulaType) && formulaRange != null) {
            arrayFormulas++;
            guard.keep(64 + 2L * formula.length());
        } else if ("shared".equals(formulaType) && formulaRange != null) {
            guard.keep(64 + 2L * formula.length());
            long references = 1; // at most one per run of digits
            for (int i = 1; i < formula.length(); i++) {
                references += Character.isDigit(formula.charAt(i)) && !Character.isDigit(formula.charAt(i - 1)) ? 1 : 0;
            }
            sharedFormulaCost.put(formulaIndex, references * formula.length());
        } else if ("shared".equals(formulaType)
                && (formulaWork += sharedFormulaCost.getOrDefault(formulaIndex, 0L)) > MAX_SHARED_FORMULA_WORK) {
            throw formulasTooSlow();
        }
    }

    private Refused formulasTooSlow() {
        return XlsxTableGuard.tooLarge(vi("các công thức dùng chung hoặc công thức mảng cần quá nhiều thời gian để đọc"
                + " (có thể sao chép rồi dán chúng dưới dạng giá trị)"), en("its shared or array formulas would take too"
                + " long to read (they could be copied and pasted as values)"));
    }

    private void name(String prefix, String local) throws Refused {
        String name = prefix == null || prefix.isEmpty() ? local : prefix + ':' + local;
        if (name.length() > MAX_NAME_CHARS || names.size() >= MAX_NAMES && !names.contains(name)) {
            throw refused("có tên phần tử dài hơn " + MAX_NAME_CHARS + " ký tự, hoặc hơn " + MAX_NAMES + " tên khác nhau",
                    "it has an element name longer than " + MAX_NAME_CHARS + " characters, or more than " + MAX_NAMES
                            + " different names");
        }
        names.add(name);
    }

    private Refused refused(String vi, String en) {
        return XlsxTableGuard.unreadable(vi(vi), en(en));
    }

    private String vi(String what) {
        return "phần '" + part + "' của tệp: " + what;
    }

    private String en(String what) {
        return "its part '" + part + "': " + what;
    }

    private static boolean isText(String name) {
        return name.equals("v") || name.equals("f") || name.equals("is") || name.equals("t");
    }

    private static boolean inGrid(String reference) {
        Matcher m = CELL.matcher(reference);
        if (!m.matches()) {
            return false;
        }
        int column = 0;
        for (char c : m.group(1).toUpperCase(Locale.ROOT).toCharArray()) {
            column = column * 26 + c - 'A' + 1;
        }
        long row = Long.parseLong(m.group(2));
        return column <= MAX_COLUMNS && row >= 1 && row <= 1_048_576;
    }
}
