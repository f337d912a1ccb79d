package vn.congvu.engine.internal.intake;

import java.io.EOFException;
import java.io.IOException;
import java.io.Reader;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import com.google.gson.Gson;
import com.google.gson.JsonElement;
import com.google.gson.JsonParseException;
import com.google.gson.Strictness;
import com.google.gson.TypeAdapter;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;

/**
 * Reads a JSON array of objects, one record each, a record at a time; each object's members are the record's
 * fields (strings or numbers). Errors name the line the record starts on, and a syntax error the line it is on.
 */
public final class JsonRecords {

    /** Reads one value as its reader's strictness says (JsonParser.parseReader would make the reader lenient). */
    private static final TypeAdapter<JsonElement> ELEMENTS = new Gson().getAdapter(JsonElement.class);

    /** Gson says where its reader is only in words: "JsonReader at line 6 column 3 path $[1]". */
    private static final Pattern LINE = Pattern.compile("at line (\\d+)");

    private JsonRecords() {
    }

    /**
     * @param json      the text
     * @param validator where the records go
     * @throws IOException if the text cannot be read (a byte that is not of its encoding is one)
     */
    public static void read(Reader json, RecordValidator validator) throws IOException {
        Budget budget = new Budget(json);
        JsonReader reader = new JsonReader(budget);
        reader.setStrictness(Strictness.STRICT); // no comments, unquoted names or single quotes: JSON as written
        try {
            if (reader.peek() != JsonToken.BEGIN_ARRAY) {
                Location where = here(reader);
                reader.skipValue(); // malformed JSON says so first
                validator.malformed(where, "json.not_an_array", "tệp JSON phải là một mảng các bản ghi: [ {...}, {...} ]",
                        "a JSON file must be an array of records: [ {...}, {...} ]");
                return;
            }
            reader.beginArray();
            while (reader.hasNext() && !validator.stopped()) {
                reader.peek();
                Location where = here(reader);
                budget.renew();
                JsonElement element;
                try {
                    element = ELEMENTS.read(reader);
                } catch (Budget.Exceeded e) {
                    validator.malformed(where, "json.record_too_long", "bản ghi dài quá " + Budget.MAX_CHARS
                            + " ký tự: đây không phải là một tệp bản ghi", "a record longer than " + Budget.MAX_CHARS
                            + " characters: this is not a record file");
                    return;
                }
                if (!element.isJsonObject()) {
                    validator.malformed(where, "json.not_an_object", "bản ghi phải là một đối tượng JSON { ... }",
                            "a record must be a JSON object { ... }");
                    continue;
                }
                Map<String, String> fields = new HashMap<>();
                for (Map.Entry<String, JsonElement> member : element.getAsJsonObject().entrySet()) {
                    if (member.getValue().isJsonPrimitive()) {
                        fields.put(member.getKey(), member.getValue().getAsString());
                    } else if (!member.getValue().isJsonNull()) {
                        validator.malformed(where, "field.not_a_value", "trường " + member.getKey()
                                + " phải là chuỗi hoặc số", "field " + member.getKey() + " must be a string or a number");
                        fields = null;
                        break;
                    }
                }
                if (fields != null) {
                    validator.fields(where, fields);
                }
            }
            if (validator.stopped()) {
                return;
            }
            reader.endArray();
            if (reader.peek() != JsonToken.END_DOCUMENT) {
                validator.malformed(here(reader), "json.malformed", "JSON không hợp lệ: có nội dung sau mảng",
                        "malformed JSON: text after the array");
            }
        } catch (Budget.Exceeded e) {
            validator.malformed(here(reader), "json.record_too_long", "bản ghi dài quá " + Budget.MAX_CHARS
                    + " ký tự: đây không phải là một tệp bản ghi", "a record longer than " + Budget.MAX_CHARS
                    + " characters: this is not a record file");
        } catch (JsonParseException | IllegalStateException e) {
            malformed(validator, reader, e);
        } catch (EOFException e) {
            validator.malformed(here(reader), "json.malformed", "JSON không hợp lệ: tệp kết thúc giữa chừng",
                    "malformed JSON: the file ends too early");
        } catch (com.google.gson.stream.MalformedJsonException e) {
            malformed(validator, reader, e);
        }
    }

    private static void malformed(RecordValidator validator, JsonReader reader, Exception e) throws IOException {
        Throwable cause = e.getCause() instanceof IOException io ? io : e;
        if (cause instanceof IOException io && !(cause instanceof EOFException)
                && !(cause instanceof com.google.gson.stream.MalformedJsonException)) {
            throw io; // not the JSON's fault: a byte not of its encoding, or the disk
        }
        if (cause instanceof EOFException) {
            validator.malformed(here(reader), "json.malformed", "JSON không hợp lệ: tệp kết thúc giữa chừng",
                    "malformed JSON: the file ends too early");
            return;
        }
        String message = String.valueOf(cause.getMessage());
        int advice = message.indexOf("\nSee ");
        message = advice < 0 ? message : message.substring(0, advice);
        Matcher line = LINE.matcher(message);
        Location where = line.find() ? Location.line(Long.parseLong(line.group(1))) : here(reader);
        validator.malformed(where, "json.malformed", "JSON không hợp lệ (chi tiết bằng tiếng Anh: " + message + ")",
                "malformed JSON: " + message);
    }

    /** The text under the JSON reader, each record allowed so many characters, so that one cannot fill memory. */
    private static final class Budget extends java.io.FilterReader {
        static final int MAX_CHARS = 1 << 20;
        private long left = MAX_CHARS;

        /** A record over its budget. */
        static final class Exceeded extends IOException {
            private static final long serialVersionUID = 1L;

            Exceeded() {
                super("a record longer than " + MAX_CHARS + " characters");
            }
        }

        Budget(Reader in) {
            super(in);
        }

        /** The next record's budget; the reader's look-ahead buffer counts too, so a record gets a little more. */
        void renew() {
            left = MAX_CHARS;
        }

        @Override
        public int read(char[] chars, int offset, int length) throws IOException {
            if (left <= 0) {
                throw new Exceeded();
            }
            int read = super.read(chars, offset, (int) Math.min(length, left));
            left -= Math.max(read, 0);
            return read;
        }

        @Override
        public int read() throws IOException {
            char[] one = new char[1];
            return read(one, 0, 1) < 0 ? -1 : one[0];
        }
    }

    /** The line the reader is on. */
    private static Location here(JsonReader reader) {
        Matcher line = LINE.matcher(reader.toString());
        return Location.line(line.find() ? Long.parseLong(line.group(1)) : 1);
    }
}
