// A person's fields of international humanitarian law (GET /v1/persons/{id}), shown only when
// the lists said any: the patronymic, the status (prisoner of war, civilian internee, detained
// civilian, other) in the reader's language, rank, unit, service number, and the day and place
// of capture as the locale writes them.
import { Fragment } from 'preact';
import type { PersonIhl } from '../../api/types';
import { useI18n, type MessageKey } from '../../i18n';
import { en } from '../../i18n/en';

export function ihlStatusWord(t: (key: MessageKey) => string, status: string): string {
  const key = `ihl.status.${status}`;
  return key in en ? t(key as MessageKey) : status;
}

export function IhlDetails({ person }: { person: PersonIhl }) {
  const { t, date } = useI18n();
  const rows: [MessageKey, string][] = [];
  const add = (key: MessageKey, value: string | null | undefined) => {
    if (value) rows.push([key, value]);
  };
  add('ihl.patronymic', person.patronymic);
  add('ihl.status', person.ihl_status ? ihlStatusWord(t, person.ihl_status) : '');
  add('ihl.rank', person.rank);
  add('ihl.unit', person.unit);
  add('ihl.serviceNumber', person.service_number);
  add('ihl.dateOfCapture', person.date_of_capture ? date(person.date_of_capture) : '');
  add('ihl.placeOfCapture', person.place_of_capture);
  if (rows.length === 0) return null;
  return (
    <>
      <h3 id="ihl-heading">{t('ihl.heading')}</h3>
      <dl class="details" data-testid="ihl" aria-labelledby="ihl-heading">
        {rows.map(([key, value]) => <Fragment key={key}><dt>{t(key)}</dt><dd>{value}</dd></Fragment>)}
      </dl>
    </>
  );
}
