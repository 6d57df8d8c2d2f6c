// A form's typed values, kept in the form's own state (a refusal by the API never clears
// them): `bind(name)` gives a text field, select or text area its value and its handler;
// `filled()` is the values that are not blank, trimmed — what goes into the request's body, so
// that an empty field is absent and the API names it if it is required.
import { useState } from 'preact/hooks';

export function useFields<T extends Record<string, string>>(empty: T) {
  const [values, setValues] = useState<T>(empty);
  return {
    values,
    set: (change: Partial<T>) => setValues((v) => ({ ...v, ...change })),
    reset: (to: T = empty) => setValues(to),
    bind: (name: keyof T & string) => ({
      value: values[name],
      onInput: (e: Event) => setValues((v) => ({ ...v, [name]: (e.currentTarget as HTMLInputElement).value })),
    }),
    filled: () => filled(values),
  };
}

export function filled(values: Record<string, string>): Record<string, string> {
  const body: Record<string, string> = {};
  for (const [name, value] of Object.entries(values)) if (value.trim() !== '') body[name] = value.trim();
  return body;
}
