import type { z } from "zod";

/** Answers whether a value passes a schema, without copying it or collecting issues. */
export type Validator = (value: unknown) => boolean;

// The parts of zod's schema definitions this compiler reads (zod 4, `schema._zod.def`).
interface Def {
  type: string;
  checks?: { _zod: { def: CheckDef } }[];
  coerce?: boolean;
  shape?: Record<string, z.ZodType>;
  catchall?: z.ZodType;
  element?: z.ZodType;
  innerType?: z.ZodType;
  options?: z.ZodType[];
  discriminator?: string;
  entries?: Record<string, string | number>;
  values?: unknown[];
}
interface CheckDef {
  check: string;
  format?: string;
  pattern?: RegExp;
  minimum?: number;
  maximum?: number;
  value?: number;
  inclusive?: boolean;
}

const defOf = (schema: z.ZodType): Def => (schema as unknown as { _zod: { def: Def } })._zod.def;
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/**
 * Compiles a zod schema into a validator that walks a value once and
 * allocates nothing: for the extractor's own output, whose every call would
 * otherwise pay for zod building a copy of it. It understands the kinds the
 * contract uses (objects, arrays, strings, numbers, enums, literals,
 * booleans, nullable, optional, discriminated unions, and their length,
 * range, integer and pattern checks); any other kind or check is left to zod
 * itself for that part of the value. The zod schema stays the one source of
 * truth: a value this accepts, zod accepts (test/validator.test.ts).
 */
export function compileValidator(schema: z.ZodType): Validator {
  const def = defOf(schema);
  const byZod: Validator = (v) => schema.safeParse(v).success;
  const checks = compileChecks(def.checks ?? []);
  if (checks === null || def.coerce) return byZod;
  const withChecks = (base: Validator): Validator =>
    checks.length === 0
      ? base
      : (v) => {
          if (!base(v)) return false;
          for (let i = 0; i < checks.length; i++) if (!(checks[i] as Validator)(v)) return false;
          return true;
        };

  switch (def.type) {
    case "string":
      return withChecks((v) => typeof v === "string");
    case "number":
      return withChecks((v) => typeof v === "number" && Number.isFinite(v));
    case "boolean":
      return withChecks((v) => typeof v === "boolean");
    case "null":
      return (v) => v === null;
    case "enum": {
      const values = new Set(Object.values(def.entries ?? {}));
      return withChecks((v) => (typeof v === "string" || typeof v === "number") && values.has(v));
    }
    case "literal": {
      const values = def.values ?? [];
      return withChecks((v) => values.includes(v));
    }
    case "nullable": {
      const inner = compileValidator(def.innerType as z.ZodType);
      return withChecks((v) => v === null || inner(v));
    }
    case "optional": {
      const inner = compileValidator(def.innerType as z.ZodType);
      return withChecks((v) => v === undefined || inner(v));
    }
    case "array": {
      const element = compileValidator(def.element as z.ZodType);
      return withChecks((v) => {
        if (!Array.isArray(v)) return false;
        for (let i = 0; i < v.length; i++) if (!element(v[i])) return false;
        return true;
      });
    }
    case "object": {
      // Unknown keys: z.object drops them (fine), z.strictObject refuses them; anything else is zod's.
      const catchall = def.catchall ? defOf(def.catchall).type : null;
      if (catchall !== null && catchall !== "never") return byZod;
      const strict = catchall === "never";
      const keys = Object.keys(def.shape ?? {});
      const fields = keys.map((key) => compileValidator((def.shape as Record<string, z.ZodType>)[key] as z.ZodType));
      const known = new Set(keys);
      const hasOnlyKnownKeys = (v: Record<string, unknown>) => {
        for (const key in v) if (!known.has(key)) return false;
        return true;
      };
      const inline = keys.map((key) => inlineCheck((def.shape as Record<string, z.ZodType>)[key] as z.ZodType, "x"));
      return withChecks(objectValidator(keys, fields, inline, strict ? hasOnlyKnownKeys : null));
    }
    case "union": {
      const options = (def.options ?? []).map((o) => ({ schema: o, check: compileValidator(o) }));
      const discriminator = def.discriminator;
      if (discriminator === undefined) return withChecks((v) => options.some((o) => o.check(v)));
      // Each option's literal value of the discriminator picks the one option to check.
      const byTag = new Map<unknown, Validator>();
      for (const o of options) {
        const tag = defOf(o.schema).shape?.[discriminator];
        const tagDef = tag ? defOf(tag) : null;
        if (tagDef?.type !== "literal") return byZod;
        for (const value of tagDef.values ?? []) byTag.set(value, o.check);
      }
      return withChecks((v) => {
        if (!isObject(v)) return false;
        const option = byTag.get(v[discriminator]);
        return option !== undefined && option(v);
      });
    }
    default:
      return byZod;
  }
}

/**
 * An object's validator. Generated as code where the platform allows it, so
 * that each field is read by its name (a fast, monomorphic load per object
 * kind); else a loop over the keys.
 */
function objectValidator(keys: string[], fields: Validator[], inline: (string | null)[], onlyKnownKeys: ((v: Record<string, unknown>) => boolean) | null): Validator {
  const loop: Validator = (v) => {
    if (!isObject(v)) return false;
    for (let i = 0; i < fields.length; i++) if (!(fields[i] as Validator)(v[keys[i] as string])) return false;
    return onlyKnownKeys === null || onlyKnownKeys(v);
  };
  try {
    const body = [
      'if (typeof v !== "object" || v === null || Array.isArray(v)) return false;',
      "let x;",
      ...keys.map((key, i) => {
        const read = `v[${JSON.stringify(key)}]`;
        const check = inline[i];
        return check ? `x = ${read}; if (!(${check})) return false;` : `if (!f[${i}](${read})) return false;`;
      }),
      "return k === null || k(v);",
    ].join("\n");
    // eslint-disable-next-line no-new-func -- the keys come from the schema, quoted by JSON.stringify.
    return new Function("f", "k", `return function validate(v) {\n${body}\n};`)(fields, onlyKnownKeys) as Validator;
  } catch {
    // Code generation refused (a content security policy): the loop.
    return loop;
  }
}

/**
 * A boolean expression over the variable `x` for a leaf of the schema (a
 * string, number, boolean, enum or literal, maybe nullable or optional, with
 * length, range and integer checks), for generated code to test in place; null
 * for anything else.
 */
function inlineCheck(schema: z.ZodType, x: string): string | null {
  const def = defOf(schema);
  if (def.coerce) return null;
  const parts: string[] = [];
  switch (def.type) {
    case "string":
      parts.push(`typeof ${x} === "string"`);
      break;
    case "number":
      parts.push(`typeof ${x} === "number"`, `Number.isFinite(${x})`);
      break;
    case "boolean":
      parts.push(`typeof ${x} === "boolean"`);
      break;
    case "enum":
    case "literal": {
      const values = def.type === "enum" ? Object.values(def.entries ?? {}) : (def.values ?? []);
      if (!values.every((v) => typeof v === "string" || (typeof v === "number" && Number.isFinite(v)))) return null;
      parts.push(`(${values.map((v) => `${x} === ${JSON.stringify(v)}`).join(" || ") || "false"})`);
      break;
    }
    case "nullable":
    case "optional": {
      if ((def.checks ?? []).length) return null;
      const inner = inlineCheck(def.innerType as z.ZodType, x);
      return inner === null ? null : `(${x} === ${def.type === "nullable" ? "null" : "undefined"} || ${inner})`;
    }
    default:
      return null;
  }
  for (const c of def.checks ?? []) {
    const d = c._zod.def;
    if (d.check === "min_length" && typeof d.minimum === "number") parts.push(`${x}.length >= ${d.minimum}`);
    else if (d.check === "max_length" && typeof d.maximum === "number") parts.push(`${x}.length <= ${d.maximum}`);
    else if (d.check === "greater_than" && typeof d.value === "number") parts.push(`${x} ${d.inclusive ? ">=" : ">"} ${d.value}`);
    else if (d.check === "less_than" && typeof d.value === "number") parts.push(`${x} ${d.inclusive ? "<=" : "<"} ${d.value}`);
    else if (d.check === "number_format" && d.format === "safeint") parts.push(`Number.isSafeInteger(${x})`);
    else return null;
  }
  return parts.join(" && ");
}

/** The checks of a definition as validators, or null when one of them is not understood. */
function compileChecks(checks: { _zod: { def: CheckDef } }[]): Validator[] | null {
  const out: Validator[] = [];
  for (const c of checks) {
    const d = c._zod.def;
    const n = (v: unknown) => v as number;
    const len = (v: unknown) => (v as { length: number }).length;
    switch (d.check) {
      case "min_length":
        out.push((v) => len(v) >= (d.minimum as number));
        break;
      case "max_length":
        out.push((v) => len(v) <= (d.maximum as number));
        break;
      case "greater_than":
        out.push(d.inclusive ? (v) => n(v) >= (d.value as number) : (v) => n(v) > (d.value as number));
        break;
      case "less_than":
        out.push(d.inclusive ? (v) => n(v) <= (d.value as number) : (v) => n(v) < (d.value as number));
        break;
      case "number_format":
        if (d.format !== "safeint") return null;
        out.push((v) => Number.isSafeInteger(v));
        break;
      case "string_format": {
        if (d.format !== "regex" || !d.pattern) return null;
        const pattern = new RegExp(d.pattern.source, d.pattern.flags.replace(/[gy]/gu, ""));
        out.push((v) => pattern.test(v as string));
        break;
      }
      default:
        return null;
    }
  }
  return out;
}
