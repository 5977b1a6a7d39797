/** One property of a settings schema of the admin-api's OpenAPI document (the subset the forms use). */
export interface PropertySchema {
  readonly type?: string;
  readonly format?: string;
  readonly enum?: readonly string[];
  readonly default?: string | number | boolean;
  readonly minimum?: number;
  readonly maximum?: number;
  readonly maxLength?: number;
  readonly description?: string;
  readonly writeOnly?: boolean;
  readonly readOnly?: boolean;
}

/** A settings alternative: a closed object (src/api/generated/settingsSchemas.ts). */
export interface SettingsSchema {
  readonly properties: Readonly<Record<string, PropertySchema>>;
  readonly required: readonly string[];
}
