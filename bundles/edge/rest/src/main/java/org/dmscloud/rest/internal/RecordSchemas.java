package org.dmscloud.rest.internal;

import java.lang.reflect.RecordComponent;
import java.util.Iterator;
import java.util.List;

import com.fasterxml.jackson.databind.JavaType;

import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.core.converter.ModelConverter;
import io.swagger.v3.core.converter.ModelConverterContext;
import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.media.Schema;

/**
 * Tells swagger-core what our JSON records promise. Every component of a DMS Cloud record is required
 * unless it says {@code @Schema(nullable = true)} (null, or absent in a request): the JSON writer writes
 * every field, so what is never null is always there, and a request without a required field is refused
 * naming it. A nullable component of a record type is {@code allOf} the record's schema plus
 * {@code nullable}, as OpenAPI 3.0 says it; swagger-core would instead mark the shared schema itself
 * nullable, and with it every other field of that type.
 */
final class RecordSchemas implements ModelConverter {

    private static boolean installed;

    /** Adds it to swagger-core's converters, once. */
    static synchronized void install() {
        if (!installed) {
            ModelConverters.getInstance().addConverter(new RecordSchemas());
            installed = true;
        }
    }

    @Override
    @SuppressWarnings({ "rawtypes", "unchecked" })
    public Schema resolve(AnnotatedType annotated, ModelConverterContext context, Iterator<ModelConverter> chain) {
        if (!chain.hasNext()) {
            return null;
        }
        Schema resolved = chain.next().resolve(annotated, context, chain);
        JavaType type = annotated.getType() instanceof JavaType javaType ? javaType : Json.mapper().constructType(annotated.getType());
        Class<?> raw = type.getRawClass();
        if (resolved == null || !raw.isRecord() || !raw.getName().startsWith("org.dmscloud.")) {
            return resolved;
        }
        Schema model = resolved.get$ref() == null ? resolved : context.getDefinedModels().get(simpleName(resolved.get$ref()));
        if (model == null || model.getProperties() == null) {
            return resolved;
        }
        model.setNullable(null); // a record is an object; whether a field may be null is the field's to say
        for (RecordComponent component : raw.getRecordComponents()) {
            String name = component.getName();
            Schema property = (Schema) model.getProperties().get(name);
            if (property == null) {
                continue;
            }
            io.swagger.v3.oas.annotations.media.Schema said = component.getAccessor().getAnnotation(io.swagger.v3.oas.annotations.media.Schema.class);
            if (said != null && said.nullable()) {
                if (property.get$ref() != null) {
                    model.getProperties().put(name, new Schema<>().allOf(List.of(new Schema<>().$ref(property.get$ref()))).nullable(true));
                }
            } else if (model.getRequired() == null || !model.getRequired().contains(name)) {
                model.addRequiredItem(name);
            }
        }
        return resolved;
    }

    private static String simpleName(String ref) {
        return ref.substring(ref.lastIndexOf('/') + 1);
    }
}
