// The preference form's schema: each form string checked with the shared request schema's rule
// for that field (GeneralPreferencesInput, "" read as null), so the browser refuses exactly what
// the API refuses, with the same messages. The form loads this module on its first check.

import { z } from "zod";
import { GeneralPreferencesInput } from "../schemas/preferences";

const shape = GeneralPreferencesInput.shape;
const blankToNull = (v: string) => (v === "" ? null : v);

/** A form string checked by the API's schema for its field (after "" → null), with the API's message. */
const checkedBy = (schema: z.ZodType, toInput: (v: string) => unknown = blankToNull) =>
  z.string().superRefine((v, ctx) => {
    const result = schema.safeParse(toInput(v));
    if (!result.success) ctx.addIssue({ code: "custom", message: result.error.issues[0]?.message ?? "Invalid value" });
  });

export const PreferencesFormSchema = z.object({
  general: z.object({
    time_zone: checkedBy(shape.time_zone, (v) => v),
    time_format: checkedBy(shape.time_format),
    date_format: checkedBy(shape.date_format),
    decimal_symbol: checkedBy(shape.decimal_symbol),
    decimal_places: checkedBy(shape.decimal_places, (v) => (v === "" ? null : Number(v))),
    measurement_system: checkedBy(shape.measurement_system),
  }),
  support: z.object({ grant: z.boolean(), duration: z.string() }),
});
