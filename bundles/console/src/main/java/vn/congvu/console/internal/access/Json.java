package vn.congvu.console.internal.access;

/** A JSON string literal, for the few fixed error bodies written here. */
final class Json {

    private Json() {
    }

    static String string(String text) {
        StringBuilder json = new StringBuilder(text.length() + 2).append('"');
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                case '\n' -> json.append("\\n");
                case '<' -> json.append("\\u003c"); // never read as markup, even if sniffed
                case '>' -> json.append("\\u003e");
                default -> {
                    if (c < 0x20) {
                        json.append(String.format("\\u%04x", (int) c));
                    } else {
                        json.append(c);
                    }
                }
            }
        }
        return json.append('"').toString();
    }
}
