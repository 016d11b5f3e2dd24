import { z } from "zod";

/**
 * The JSON Schema (draft 2020-12, OpenAPI 3.1's dialect) of a procedure's zod input or output:
 * what the server validates, with formats (`date-time`), integers, limits and patterns.
 * `io: "input"` describes what a caller may send (defaults make a field optional); `"output"`
 * what the server answers. A type JSON Schema cannot express (a custom check) becomes `{}`,
 * any value, rather than a wrong description.
 */
export function jsonSchemaOf(schema: unknown, io: "input" | "output", what: string): Record<string, unknown> {
  const schemas = Array.isArray(schema) ? schema : [schema];
  const converted = schemas.map((one) => {
    if (!(one instanceof z.ZodType)) throw new Error(`${what} is not a zod schema; the OpenAPI document describes zod schemas only`);
    const { $schema: _dialect, ...jsonSchema } = z.toJSONSchema(one, { io, target: "draft-2020-12", unrepresentable: "any" }) as Record<string, unknown>;
    return jsonSchema;
  });
  return converted.length === 1 ? converted[0]! : { allOf: converted };
}
