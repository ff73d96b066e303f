package dev.isolane.core.protocol;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * Turns messages into JSON envelopes and back; both ends of the channel use this one class.
 *
 * <pre>{"v":1,"type":"class-started","body":{...}}</pre>
 */
final class MessageCodec {

    /** Bump on any change a peer of the previous version would misread. */
    public static final int PROTOCOL_VERSION = 1;

    private static final Map<Class<?>, String> TYPE_BY_CLASS = new HashMap<>();
    private static final Map<String, Class<? extends Message>> CLASS_BY_TYPE = new HashMap<>();

    static {
        for (Class<?> permitted : Message.class.getPermittedSubclasses()) {
            String type = kebabCase(permitted.getSimpleName());
            TYPE_BY_CLASS.put(permitted, type);
            CLASS_BY_TYPE.put(type, permitted.asSubclass(Message.class));
        }
    }

    /** Reflection for the rare messages; hand-written adapters for those every test class sends. */
    private final Gson gson = new GsonBuilder().disableHtmlEscaping()
            .registerTypeAdapterFactory(new HotMessageAdapters()).create();

    public byte[] encode(Message message) {
        // The envelope is written by hand: its two header fields never need escaping (an int, a kebab-case name).
        return ("{\"v\":" + PROTOCOL_VERSION + ",\"type\":\"" + TYPE_BY_CLASS.get(message.getClass()) + "\",\"body\":"
                + gson.toJson(message) + "}").getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Read one envelope in a single streaming pass (tens of thousands arrive in a large run); a peer that wrote the
     * body before the type costs a detour through a tree, nothing more.
     */
    public Message decode(byte[] json) throws ProtocolException {
        // Decoding the whole frame to a String at once is far cheaper than a stream decoder per small message.
        JsonReader reader = new JsonReader(new StringReader(new String(json, StandardCharsets.UTF_8)));
        JsonElement version = null;
        JsonElement type = null;
        JsonElement earlyBody = null;
        Message message = null;
        boolean bodySeen = false;
        try {
            if (reader.peek() != JsonToken.BEGIN_OBJECT) {
                throw new ProtocolException("expected a JSON object envelope, got: " + abbreviate(json));
            }
            reader.beginObject();
            while (reader.hasNext()) {
                String name = reader.nextName();
                switch (name) {
                    case "v" -> version = JsonParser.parseReader(reader);
                    case "type" -> type = JsonParser.parseReader(reader);
                    case "body" -> {
                        bodySeen = true;
                        checkVersion(version);
                        if (type == null) {
                            earlyBody = JsonParser.parseReader(reader);
                        } else {
                            message = gson.fromJson(reader, messageClass(type));
                        }
                    }
                    default -> reader.skipValue();
                }
            }
            reader.endObject();
            if (reader.peek() != JsonToken.END_DOCUMENT) {
                throw new ProtocolException("data after the envelope: " + abbreviate(json));
            }
            checkVersion(version);
            Class<? extends Message> messageClass = messageClass(type);
            if (earlyBody != null) {
                message = gson.fromJson(earlyBody, messageClass);
            }
        } catch (ProtocolException e) {
            throw e;
        } catch (IOException | IllegalStateException e) {
            throw new ProtocolException("not a JSON message: " + abbreviate(json), e);
        } catch (RuntimeException e) {
            // A value of the wrong kind, a missing field a record requires (Gson reports a record constructor's
            // failure as a bare RuntimeException), a number out of range.
            throw new ProtocolException("malformed " + type + " message: " + e.getMessage(), e);
        }
        if (!bodySeen || message == null) {
            throw new ProtocolException("message of type " + type + " has no body");
        }
        return message;
    }

    private static void checkVersion(JsonElement version) throws ProtocolException {
        if (version == null || !version.isJsonPrimitive() || !version.getAsJsonPrimitive().isNumber()
                || version.getAsInt() != PROTOCOL_VERSION) {
            throw new ProtocolException("protocol version " + version + " received, but this side speaks version "
                    + PROTOCOL_VERSION + ": the worker and the coordinator come from different Isolane versions;"
                    + " use the same Isolane version for the plugin and the junit-extension");
        }
    }

    private static Class<? extends Message> messageClass(JsonElement type) throws ProtocolException {
        Class<? extends Message> messageClass = type == null || !type.isJsonPrimitive() ? null
                : CLASS_BY_TYPE.get(type.getAsString());
        if (messageClass == null) {
            throw new ProtocolException("unknown message type " + type + "; known types: " + CLASS_BY_TYPE.keySet());
        }
        return messageClass;
    }

    private static String kebabCase(String simpleName) {
        return simpleName.replaceAll("([a-z])([A-Z])", "$1-$2").toLowerCase(java.util.Locale.ROOT);
    }

    private static String abbreviate(byte[] json) {
        String text = new String(json, StandardCharsets.UTF_8);
        return text.length() <= 120 ? text : text.substring(0, 120) + "...";
    }
}
