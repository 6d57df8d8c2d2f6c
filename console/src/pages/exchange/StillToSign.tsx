// Who still has to sign an agreed version: every party that accepted it and every guarantor of
// its exchange whose signature is missing or does not verify (GET /v1/proposals/{id}/agreement),
// a guarantor named as such.
import type { AgreementCheck } from '../../api/types';
import { useI18n } from '../../i18n';

export function StillToSign({ parties }: { parties: AgreementCheck['parties'] }) {
  const { t } = useI18n();
  const open = parties.filter((p) => p.status !== 'valid');
  if (open.length === 0) return null;
  const names = open.map((p) => (p.role === 'guarantor' ? t('sup.sign.asGuarantor', { party: p.party }) : p.party));
  return <p data-testid="still-to-sign">{t('sup.sign.stillToSign', { who: names.join(', ') })}</p>;
}
