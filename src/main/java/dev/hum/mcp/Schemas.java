package dev.hum.mcp;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds the JSON Schemas of the tools' inputs, so every argument a model may send is described. */
final class Schemas {

    private Schemas() {}

    static Map<String, Object> object(List<String> required, Map<String, Object> properties) {
        Map<String, Object> schema = new LinkedHashMap<>();
        schema.put("type", "object");
        schema.put("properties", properties);
        if (!required.isEmpty()) {
            schema.put("required", required);
        }
        schema.put("additionalProperties", false);
        return schema;
    }

    static Map<String, Object> properties(Object... keysAndSchemas) {
        Map<String, Object> properties = new LinkedHashMap<>();
        for (int i = 0; i < keysAndSchemas.length; i += 2) {
            properties.put((String) keysAndSchemas[i], keysAndSchemas[i + 1]);
        }
        return properties;
    }

    static Map<String, Object> string(String description, int maxLength) {
        return Map.of("type", "string", "description", description, "minLength", 1, "maxLength", maxLength);
    }

    static Map<String, Object> integer(String description, long min, long max, long byDefault) {
        Map<String, Object> schema = new LinkedHashMap<>();
        schema.put("type", "integer");
        schema.put("description", description);
        schema.put("minimum", min);
        schema.put("maximum", max);
        if (byDefault >= 0) {
            schema.put("default", byDefault);
        }
        return schema;
    }

    static Map<String, Object> bool(String description) {
        return bool(description, false);
    }

    static Map<String, Object> bool(String description, boolean byDefault) {
        return Map.of("type", "boolean", "description", description, "default", byDefault);
    }
}
