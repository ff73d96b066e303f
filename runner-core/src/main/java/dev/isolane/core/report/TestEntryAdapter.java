package dev.isolane.core.report;

import com.google.gson.Gson;
import com.google.gson.TypeAdapter;
import com.google.gson.TypeAdapterFactory;
import com.google.gson.reflect.TypeToken;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonWriter;
import java.io.IOException;
import java.util.List;

/**
 * Writes the report's test entries by hand, exactly as Gson's reflection writes them (fields in declaration order,
 * nulls left out): a report holds one per test, 50,000 on a large suite, and reflection (an accessor call and a boxed
 * value per field) was most of the time the report took. Reading stays with reflection.
 */
final class TestEntryAdapter implements TypeAdapterFactory {

    @Override
    @SuppressWarnings("unchecked")
    public <T> TypeAdapter<T> create(Gson gson, TypeToken<T> type) {
        if (type.getRawType() != JsonReport.TestEntry.class) {
            return null;
        }
        TypeAdapter<JsonReport.TestEntry> reflective = gson.getDelegateAdapter(this,
                TypeToken.get(JsonReport.TestEntry.class));
        TypeAdapter<List<JsonReport.RerunEntry>> reruns = gson.getAdapter(
                new TypeToken<List<JsonReport.RerunEntry>>() {});
        return (TypeAdapter<T>) new TypeAdapter<JsonReport.TestEntry>() {
            @Override
            public void write(JsonWriter out, JsonReport.TestEntry entry) throws IOException {
                if (entry == null) {
                    out.nullValue();
                    return;
                }
                out.beginObject();
                out.name("uniqueId").value(entry.uniqueId());
                out.name("displayName").value(entry.displayName());
                out.name("status").value(entry.status());
                out.name("durationMillis").value(entry.durationMillis());
                out.name("message").value(entry.message());
                out.name("failureType").value(entry.failureType());
                out.name("runs").value(entry.runs());
                out.name("flaky").value(entry.flaky());
                out.name("reportName").value(entry.reportName());
                out.name("reportClass").value(entry.reportClass());
                out.name("stackTrace").value(entry.stackTrace());
                out.name("stdout").value(entry.stdout());
                out.name("stderr").value(entry.stderr());
                if (entry.reruns() != null) {
                    out.name("reruns");
                    reruns.write(out, entry.reruns());
                }
                out.endObject();
            }

            @Override
            public JsonReport.TestEntry read(JsonReader in) throws IOException {
                return reflective.read(in);
            }
        };
    }
}
