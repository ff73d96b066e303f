package dev.isolane.core.protocol;

import com.google.gson.Gson;
import com.google.gson.JsonSyntaxException;
import com.google.gson.TypeAdapter;
import com.google.gson.TypeAdapterFactory;
import com.google.gson.reflect.TypeToken;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import com.google.gson.stream.JsonWriter;
import dev.isolane.core.model.ClassState;
import dev.isolane.core.model.TestResult;
import dev.isolane.core.model.TestStatus;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Hand-written JSON for the messages every test class sends or receives ({@link Message.RunClass}, {@link
 * Message.ClassStarted}, {@link Message.TestsFinished}, {@link Message.ClassFinished}) and for {@link TestResult}: a
 * 5,000-class run carries tens of thousands of them, and Gson's reflection (an accessor call and a boxed value per
 * field, a constructor found by reflection per record) was most of the coordinator's time in its channel.
 *
 * <p>They write exactly what Gson's reflection writes for the same records (the fields in declaration order, nulls
 * left out), and read as leniently: unknown fields are skipped, missing ones are null, zero or empty, so a peer that
 * predates a field still decodes. A value of the wrong kind is a {@link JsonSyntaxException} naming the field.
 */
final class HotMessageAdapters implements TypeAdapterFactory {

    @Override
    @SuppressWarnings("unchecked")
    public <T> TypeAdapter<T> create(Gson gson, TypeToken<T> type) {
        Class<? super T> raw = type.getRawType();
        TypeAdapter<?> adapter;
        if (raw == TestResult.class) {
            adapter = new TestResultAdapter();
        } else if (raw == Message.RunClass.class) {
            adapter = new RunClassAdapter();
        } else if (raw == Message.ClassStarted.class) {
            adapter = new ClassStartedAdapter();
        } else if (raw == Message.TestsFinished.class) {
            adapter = new TestsFinishedAdapter(gson.getAdapter(TestResult.class));
        } else if (raw == Message.ClassFinished.class) {
            adapter = new ClassFinishedAdapter(gson.getAdapter(TestResult.class), gson.getAdapter(ClassState.class));
        } else {
            return null;
        }
        return (TypeAdapter<T>) adapter.nullSafe();
    }

    /** What one field of an object holds; false for a field this version does not know, which is skipped. */
    private interface Fields {
        boolean read(String name, JsonReader in) throws IOException;
    }

    /** Read one JSON object field by field; a value of the wrong kind is a syntax error naming its field. */
    private static void object(JsonReader in, Fields fields) throws IOException {
        in.beginObject();
        while (in.hasNext()) {
            String name = in.nextName();
            try {
                if (!fields.read(name, in)) {
                    in.skipValue();
                }
            } catch (IllegalStateException | NumberFormatException wrongKind) {
                throw new JsonSyntaxException("field '" + name + "': " + wrongKind.getMessage(), wrongKind);
            }
        }
        in.endObject();
    }

    private static String string(JsonReader in) throws IOException {
        if (in.peek() == JsonToken.NULL) {
            in.nextNull();
            return null;
        }
        return in.nextString();
    }

    private static long number(JsonReader in) throws IOException {
        if (in.peek() == JsonToken.NULL) {
            in.nextNull();
            return 0;
        }
        return in.nextLong();
    }

    private static List<String> strings(JsonReader in) throws IOException {
        if (in.peek() == JsonToken.NULL) {
            in.nextNull();
            return null;
        }
        List<String> values = new ArrayList<>();
        in.beginArray();
        while (in.hasNext()) {
            values.add(string(in));
        }
        in.endArray();
        return values;
    }

    private static void strings(JsonWriter out, List<String> values) throws IOException {
        out.beginArray();
        for (String value : values) {
            out.value(value);
        }
        out.endArray();
    }

    private static <T> List<T> list(JsonReader in, TypeAdapter<T> elements) throws IOException {
        if (in.peek() == JsonToken.NULL) {
            in.nextNull();
            return null;
        }
        List<T> values = new ArrayList<>();
        in.beginArray();
        while (in.hasNext()) {
            values.add(elements.read(in));
        }
        in.endArray();
        return values;
    }

    private static <T> void list(JsonWriter out, List<T> values, TypeAdapter<T> elements) throws IOException {
        out.beginArray();
        for (T value : values) {
            elements.write(out, value);
        }
        out.endArray();
    }

    private static final class TestResultAdapter extends TypeAdapter<TestResult> {

        @Override
        public void write(JsonWriter out, TestResult result) throws IOException {
            out.beginObject();
            out.name("uniqueId").value(result.uniqueId());
            out.name("displayName").value(result.displayName());
            out.name("reportName").value(result.reportName());
            out.name("reportClass").value(result.reportClass());
            out.name("status").value(result.status().label());
            out.name("durationMillis").value(result.durationMillis());
            out.name("message").value(result.message());
            out.name("failureType").value(result.failureType());
            out.name("stackTrace").value(result.stackTrace());
            out.name("stdout").value(result.stdout());
            out.name("stderr").value(result.stderr());
            out.name("reruns");
            list(out, result.reruns(), this);
            out.endObject();
        }

        @Override
        public TestResult read(JsonReader in) throws IOException {
            var f = new Object() {
                String uniqueId;
                String displayName;
                String reportName;
                String reportClass;
                TestStatus status;
                long durationMillis;
                String message;
                String failureType;
                String stackTrace;
                String stdout;
                String stderr;
                List<TestResult> reruns;
            };
            object(in, (name, value) -> {
                switch (name) {
                    case "uniqueId" -> f.uniqueId = string(value);
                    case "displayName" -> f.displayName = string(value);
                    case "reportName" -> f.reportName = string(value);
                    case "reportClass" -> f.reportClass = string(value);
                    case "status" -> f.status = status(string(value));
                    case "durationMillis" -> f.durationMillis = number(value);
                    case "message" -> f.message = string(value);
                    case "failureType" -> f.failureType = string(value);
                    case "stackTrace" -> f.stackTrace = string(value);
                    case "stdout" -> f.stdout = string(value);
                    case "stderr" -> f.stderr = string(value);
                    case "reruns" -> f.reruns = list(value, this);
                    default -> {
                        return false;
                    }
                }
                return true;
            });
            return new TestResult(f.uniqueId, f.displayName, f.reportName, f.reportClass, f.status, f.durationMillis,
                    f.message, f.failureType, f.stackTrace, f.stdout, f.stderr, f.reruns);
        }

        private static TestStatus status(String label) {
            if (label == null) {
                return null;
            }
            for (TestStatus status : TestStatus.values()) {
                if (status.label().equals(label)) {
                    return status;
                }
            }
            throw new JsonSyntaxException("unknown test status '" + label + "'");
        }
    }

    private static final class RunClassAdapter extends TypeAdapter<Message.RunClass> {

        @Override
        public void write(JsonWriter out, Message.RunClass message) throws IOException {
            out.beginObject();
            out.name("className").value(message.className());
            out.name("only");
            strings(out, message.only());
            out.endObject();
        }

        @Override
        public Message.RunClass read(JsonReader in) throws IOException {
            var f = new Object() {
                String className;
                List<String> only;
            };
            object(in, (name, value) -> {
                switch (name) {
                    case "className" -> f.className = string(value);
                    case "only" -> f.only = strings(value);
                    default -> {
                        return false;
                    }
                }
                return true;
            });
            return new Message.RunClass(f.className, f.only);
        }
    }

    private static final class ClassStartedAdapter extends TypeAdapter<Message.ClassStarted> {

        @Override
        public void write(JsonWriter out, Message.ClassStarted message) throws IOException {
            out.beginObject();
            out.name("className").value(message.className());
            out.name("thread").value(message.thread());
            out.name("startMillis").value(message.startMillis());
            out.endObject();
        }

        @Override
        public Message.ClassStarted read(JsonReader in) throws IOException {
            var f = new Object() {
                String className;
                String thread;
                long startMillis;
            };
            object(in, (name, value) -> {
                switch (name) {
                    case "className" -> f.className = string(value);
                    case "thread" -> f.thread = string(value);
                    case "startMillis" -> f.startMillis = number(value);
                    default -> {
                        return false;
                    }
                }
                return true;
            });
            return new Message.ClassStarted(f.className, f.thread, f.startMillis);
        }
    }

    private static final class TestsFinishedAdapter extends TypeAdapter<Message.TestsFinished> {
        private final TypeAdapter<TestResult> results;

        TestsFinishedAdapter(TypeAdapter<TestResult> results) {
            this.results = results;
        }

        @Override
        public void write(JsonWriter out, Message.TestsFinished message) throws IOException {
            out.beginObject();
            out.name("className").value(message.className());
            out.name("results");
            list(out, message.results(), results);
            out.endObject();
        }

        @Override
        public Message.TestsFinished read(JsonReader in) throws IOException {
            var f = new Object() {
                String className;
                List<TestResult> batch;
            };
            object(in, (name, value) -> {
                switch (name) {
                    case "className" -> f.className = string(value);
                    case "results" -> f.batch = list(value, results);
                    default -> {
                        return false;
                    }
                }
                return true;
            });
            // As with Gson's reflection: a batch without its list is malformed (a null list), not empty.
            return new Message.TestsFinished(f.className, f.batch);
        }
    }

    private static final class ClassFinishedAdapter extends TypeAdapter<Message.ClassFinished> {
        private final TypeAdapter<TestResult> results;
        private final TypeAdapter<ClassState> states;

        ClassFinishedAdapter(TypeAdapter<TestResult> results, TypeAdapter<ClassState> states) {
            this.results = results;
            this.states = states;
        }

        @Override
        public void write(JsonWriter out, Message.ClassFinished message) throws IOException {
            out.beginObject();
            out.name("className").value(message.className());
            out.name("endMillis").value(message.endMillis());
            out.name("stdout").value(message.stdout());
            out.name("stderr").value(message.stderr());
            out.name("results");
            list(out, message.results(), results);
            if (message.state() != null) {
                out.name("state");
                states.write(out, message.state());
            }
            if (message.systemProperties() != null) {
                out.name("systemProperties").beginObject();
                for (Map.Entry<String, String> property : message.systemProperties().entrySet()) {
                    out.name(property.getKey()).value(property.getValue());
                }
                out.endObject();
            }
            out.endObject();
        }

        @Override
        public Message.ClassFinished read(JsonReader in) throws IOException {
            var f = new Object() {
                String className;
                long endMillis;
                String stdout;
                String stderr;
                List<TestResult> last;
                ClassState state;
                Map<String, String> systemProperties;
            };
            object(in, (name, value) -> {
                switch (name) {
                    case "className" -> f.className = string(value);
                    case "endMillis" -> f.endMillis = number(value);
                    case "stdout" -> f.stdout = string(value);
                    case "stderr" -> f.stderr = string(value);
                    case "results" -> f.last = list(value, results);
                    case "state" -> f.state = states.read(value);
                    case "systemProperties" -> f.systemProperties = properties(value);
                    default -> {
                        return false;
                    }
                }
                return true;
            });
            return new Message.ClassFinished(f.className, f.endMillis, f.stdout, f.stderr, f.last, f.state,
                    f.systemProperties);
        }

        private static Map<String, String> properties(JsonReader in) throws IOException {
            if (in.peek() == JsonToken.NULL) {
                in.nextNull();
                return null;
            }
            Map<String, String> properties = new HashMap<>();
            object(in, (name, value) -> {
                String text = string(value);
                if (text == null) {
                    throw new JsonSyntaxException("system property '" + name + "' has no value");
                }
                properties.put(name, text);
                return true;
            });
            return properties;
        }
    }
}
