// A labelled field of a form that sends a change: its label, an optional hint, and — when the
// API's problem points at this field's body member — the field marked invalid and a line under
// it saying so, tied to it with aria-describedby. The input itself is the child; it receives
// id, aria-invalid and aria-describedby through `control`.
import type { ComponentChildren } from 'preact';
import { useI18n } from '../i18n';

export interface Control { id: string; 'aria-invalid'?: 'true'; 'aria-describedby'?: string }

export function FormField({ id, label, hint, atFault, children }: {
  id: string; label: string; hint?: string; atFault: boolean; children: (control: Control) => ComponentChildren;
}) {
  const { t } = useI18n();
  const described = [hint ? `${id}-hint` : '', atFault ? `${id}-fault` : ''].filter(Boolean).join(' ');
  return (
    <div class="field">
      <label for={id}>{label}</label>
      {hint && <p class="hint" id={`${id}-hint`}>{hint}</p>}
      {children({ id, 'aria-invalid': atFault ? 'true' : undefined, 'aria-describedby': described || undefined })}
      {atFault && <p class="field-error" id={`${id}-fault`}>{t('act.form.atFault')}</p>}
    </div>
  );
}

// A group of choices (radio buttons) as one field, with a legend; big enough to touch.
export function ChoiceField<V extends string>({ name, legend, choices, value, onChange, atFault, hint }: {
  name: string; legend: string; choices: { value: V; label: string }[]; value: V | '';
  onChange: (value: V) => void; atFault: boolean; hint?: string;
}) {
  const { t } = useI18n();
  return (
    <fieldset class="choices" aria-invalid={atFault ? 'true' : undefined}
      aria-describedby={[hint ? `${name}-hint` : '', atFault ? `${name}-fault` : ''].filter(Boolean).join(' ') || undefined}>
      <legend>{legend}</legend>
      {hint && <p class="hint" id={`${name}-hint`}>{hint}</p>}
      {choices.map((choice) => (
        <label key={choice.value} class="choice">
          <input type="radio" name={name} value={choice.value} checked={value === choice.value}
            onChange={() => onChange(choice.value)} />
          <span>{choice.label}</span>
        </label>
      ))}
      {atFault && <p class="field-error" id={`${name}-fault`}>{t('act.form.atFault')}</p>}
    </fieldset>
  );
}
