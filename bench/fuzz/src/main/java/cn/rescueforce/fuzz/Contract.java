package cn.rescueforce.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The operations of one contract (openapi/&lt;service&gt;.yaml with its references into common.yaml resolved). */
final class Contract {

    record Param(String name, String in, boolean required, Schema<?> schema, JsonNode example) {
    }

    record Op(String service, String method, String path, String operationId, List<Param> params,
              Schema<?> body, boolean bodyRequired, JsonNode bodyExample, boolean secured) {

        List<Param> params(String in) {
            return params.stream().filter(p -> p.in().equals(in)).toList();
        }

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    final String service;
    final List<Op> ops = new ArrayList<>();

    private Contract(String service) {
        this.service = service;
    }

    static Contract read(String service, Path file, ObjectMapper json) {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        options.setResolveFully(true);
        SwaggerParseResult result = new OpenAPIV3Parser().readLocation(file.toUri().toString(), null, options);
        OpenAPI api = result.getOpenAPI();
        if (api == null) {
            throw new IllegalStateException("cannot read " + file + ": " + result.getMessages());
        }
        Contract contract = new Contract(service);
        boolean securedByDefault = api.getSecurity() != null && !api.getSecurity().isEmpty();
        for (Map.Entry<String, PathItem> entry : api.getPaths().entrySet()) {
            PathItem item = entry.getValue();
            Map<PathItem.HttpMethod, Operation> operations = item.readOperationsMap();
            for (Map.Entry<PathItem.HttpMethod, Operation> o : operations.entrySet()) {
                Operation op = o.getValue();
                Map<String, Param> params = new LinkedHashMap<>();
                List<Parameter> all = new ArrayList<>();
                if (item.getParameters() != null) {
                    all.addAll(item.getParameters());
                }
                if (op.getParameters() != null) {
                    all.addAll(op.getParameters());
                }
                for (Parameter p : all) {
                    JsonNode example = p.getExample() == null ? null : json.valueToTree(p.getExample());
                    if (example == null && p.getSchema() != null && p.getSchema().getExample() != null) {
                        example = json.valueToTree(p.getSchema().getExample());
                    }
                    params.put(p.getIn() + ":" + p.getName(), new Param(p.getName(), p.getIn(),
                            Boolean.TRUE.equals(p.getRequired()), p.getSchema(), example));
                }
                Schema<?> body = null;
                JsonNode bodyExample = null;
                boolean bodyRequired = false;
                if (op.getRequestBody() != null && op.getRequestBody().getContent() != null) {
                    MediaType media = op.getRequestBody().getContent().get("application/json");
                    if (media != null) {
                        body = media.getSchema();
                        bodyRequired = Boolean.TRUE.equals(op.getRequestBody().getRequired());
                        if (media.getExample() != null) {
                            bodyExample = json.valueToTree(media.getExample());
                        } else if (media.getExamples() != null && !media.getExamples().isEmpty()) {
                            bodyExample = json.valueToTree(media.getExamples().values().iterator().next().getValue());
                        }
                    }
                }
                boolean secured = op.getSecurity() == null ? securedByDefault : !op.getSecurity().isEmpty();
                contract.ops.add(new Op(service, o.getKey().name(), entry.getKey(), op.getOperationId(),
                        List.copyOf(params.values()), body, bodyRequired, bodyExample, secured));
            }
        }
        return contract;
    }
}
