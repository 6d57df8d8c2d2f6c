// The persons a stage may take, as a group of check boxes: the persons of the agreed version in
// no stage and not handed over. The choice is the form's own state; it stays on any refusal.
import { useI18n } from '../../i18n';
import type { ReadinessPerson } from './types';
import { statusWord, who } from './words';

export function PersonPicker({ id, legend, persons, chosen, onChange }: {
  id: string; legend: string; persons: ReadinessPerson[]; chosen: Set<string>; onChange: (chosen: Set<string>) => void;
}) {
  const i18n = useI18n();
  const toggle = (person: string) => {
    const next = new Set(chosen);
    if (next.has(person)) next.delete(person); else next.add(person);
    onChange(next);
  };
  return (
    <fieldset class="choices" id={id}>
      <legend>{legend}</legend>
      {persons.length === 0 ? <p class="muted">{i18n.t('stg.picker.none')}</p> : persons.map((p) => (
        <label key={p.person} class="choice">
          <input type="checkbox" checked={chosen.has(p.person)} onChange={() => toggle(p.person)} />
          <span>{who(p.person, p.name)} — {p.from} → {p.to} ({statusWord(i18n, p.status)})</span>
        </label>
      ))}
    </fieldset>
  );
}

// The persons of `all` that no stage holds and that were not handed over.
export function unstaged(all: ReadinessPerson[], staged: Set<string>): ReadinessPerson[] {
  return all.filter((p) => !staged.has(p.person) && p.status !== 'handed over');
}
