package org.parrotscope.kernel.wire;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.Strictness;
import com.google.gson.TypeAdapter;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import io.github.spencerpark.jupyter.messages.HMACGenerator;
import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.List;

/**
 * One Jupyter message as it came off a ROUTER socket, checked: the frames are
 * {@code [identities..., "<IDS|MSG>", signature, header, parent_header, metadata, content, buffers...]}
 * (Jupyter messaging spec, "The Wire Protocol"), the signature is the HMAC of the four JSON frames, and
 * each of them is strict UTF-8 JSON holding an object. The header needs a string {@code msg_id} and
 * {@code msg_type}, the two fields ipykernel itself cannot do without.
 *
 * @param identities the ZeroMQ routing identities, for the reply
 * @param header the header
 * @param parentHeader the parent header, possibly empty
 * @param metadata the metadata
 * @param content the content
 * @param buffers extra binary frames
 */
public record WireMessage(
        List<byte[]> identities,
        JsonObject header,
        JsonObject parentHeader,
        JsonObject metadata,
        JsonObject content,
        List<byte[]> buffers) {

    /** Deeper JSON is refused: Gson parses recursively, and 100,000 nested brackets overflow its stack. */
    public static final int MAX_DEPTH = 512;

    private static final byte[] DELIMITER = "<IDS|MSG>".getBytes(StandardCharsets.US_ASCII);
    private static final String[] PARTS = {"header", "parent_header", "metadata", "content"};
    // A TypeAdapter keeps the reader's strictness (JsonParser.parseReader would make it lenient).
    private static final TypeAdapter<JsonElement> JSON = new Gson().getAdapter(JsonElement.class);

    /** Copies the lists. */
    public WireMessage {
        identities = List.copyOf(identities);
        buffers = List.copyOf(buffers);
    }

    /** @return the header's {@code msg_type} */
    public String msgType() {
        return header.get("msg_type").getAsString();
    }

    /** @return the header's {@code msg_id} */
    public String msgId() {
        return header.get("msg_id").getAsString();
    }

    /**
     * Checks and splits the frames of one message.
     *
     * @param frames all frames of one ZeroMQ message
     * @param hmac the connection's signer ({@code calculateSignature} is null when the key is empty)
     * @return the message
     * @throws MalformedMessageException naming the first problem found
     */
    public static WireMessage decode(List<byte[]> frames, HMACGenerator hmac) throws MalformedMessageException {
        int d = 0;
        while (d < frames.size() && !Arrays.equals(DELIMITER, frames.get(d))) {
            d++;
        }
        if (d == frames.size()) {
            throw new MalformedMessageException("no <IDS|MSG> delimiter among its " + frames.size() + " frames");
        }
        int after = frames.size() - d - 1;
        if (after < 5) {
            throw new MalformedMessageException(after + " frames after <IDS|MSG>, 5 needed"
                    + " (signature, header, parent_header, metadata, content)");
        }
        byte[][] raw = new byte[4][];
        for (int i = 0; i < 4; i++) {
            raw[i] = frames.get(d + 2 + i);
        }
        String expected = hmac.calculateSignature(raw);
        byte[] signature = frames.get(d + 1);
        // Constant time, unlike basekernel's String.equals: the comparison must not leak the prefix.
        if (expected != null && !MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII), signature)) {
            throw new MalformedMessageException(signature.length == 0 ? "missing signature" : "bad signature");
        }
        JsonObject[] parts = new JsonObject[4];
        for (int i = 0; i < 4; i++) {
            parts[i] = object(PARTS[i], raw[i]);
        }
        JsonObject header = parts[0];
        for (String field : new String[] {"msg_id", "msg_type"}) {
            JsonElement v = header.get(field);
            if (v == null || v.isJsonNull()) {
                throw new MalformedMessageException("header has no " + field);
            }
            if (!v.isJsonPrimitive() || !v.getAsJsonPrimitive().isString()) {
                throw new MalformedMessageException("header " + field + " is not a string");
            }
        }
        return new WireMessage(
                frames.subList(0, d), header, parts[1], parts[2], parts[3], frames.subList(d + 6, frames.size()));
    }

    private static JsonObject object(String part, byte[] raw) throws MalformedMessageException {
        String text;
        try {
            text = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(raw))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new MalformedMessageException(part + " is not valid UTF-8");
        }
        if (depth(text) > MAX_DEPTH) {
            throw new MalformedMessageException(part + " nests deeper than " + MAX_DEPTH + " levels");
        }
        JsonElement e;
        try {
            JsonReader reader = new JsonReader(new StringReader(text));
            reader.setStrictness(Strictness.STRICT);
            e = JSON.read(reader);
            if (reader.peek() != JsonToken.END_DOCUMENT) {
                throw new MalformedMessageException(part + " has text after its JSON value");
            }
        } catch (JsonParseException | IOException | IllegalStateException ex) {
            throw new MalformedMessageException(part + " is not valid JSON");
        }
        if (!e.isJsonObject()) {
            throw new MalformedMessageException(part + " is not a JSON object");
        }
        return e.getAsJsonObject();
    }

    /** @return the deepest nesting of brackets outside strings */
    static int depth(String json) {
        int depth = 0;
        int max = 0;
        boolean inString = false;
        for (int i = 0; i < json.length(); i++) {
            char c = json.charAt(i);
            if (inString) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c == '"') {
                inString = true;
            } else if (c == '[' || c == '{') {
                max = Math.max(max, ++depth);
            } else if (c == ']' || c == '}') {
                depth--;
            }
        }
        return max;
    }
}
