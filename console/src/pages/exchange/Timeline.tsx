// The proposals of an exchange as a timeline: every version in order (GET
// /v1/exchanges/{id}/proposals), each with what it counters, its state, who accepted or rejected
// it and why, and how it differs from its parent (GET /v1/proposals/{id}, GET
// /v1/proposals/{id}/diff?against=parent). What a negotiator typed into a version's forms (a
// reason, counts) lives here, by version, so that a reload or a refusal never loses it.
import { useEffect, useState } from 'preact/hooks';
import { getJson, getPage, getTagged, type Tagged } from '../../api/client';
import type { Actor, Proposal, ProposalDiff, VersionSummary } from '../../api/types';
import { useLoad } from '../../api/useLoad';
import { ProblemMessage } from '../../components/ProblemMessage';
import { section, SectionBody, type Section } from '../../components/Section';
import { useI18n } from '../../i18n';
import { VersionCard, type Typed } from './VersionCard';

export interface TimelineEntry { summary: VersionSummary; proposal: Tagged<Proposal>; diff: Section<ProposalDiff> | null }
export interface TimelineData { versions: VersionSummary[]; entries: TimelineEntry[] }

export async function loadTimeline(exchange: string): Promise<TimelineData> {
  const versions = (await getPage<VersionSummary[]>(`/v1/exchanges/${exchange}/proposals?limit=1000`)).items;
  const entries = await Promise.all(versions.map(async (summary) => {
    const [proposal, diff] = await Promise.all([
      getTagged<Proposal>(`/v1/proposals/${summary.version}`),
      summary.parent ? section(getJson<ProposalDiff>(`/v1/proposals/${summary.version}/diff?against=${summary.parent}`)) : Promise.resolve(null),
    ]);
    return { summary, proposal, diff };
  }));
  return { versions, entries };
}

export function Timeline({ exchange, actor, open }: { exchange: string; actor: Actor; open: string }) {
  const { t } = useI18n();
  const [reload, setReload] = useState(0);
  const loaded = useLoad(() => section(loadTimeline(exchange)), [exchange, reload, open]);
  const [typed, setTyped] = useState<Record<string, Typed>>({});
  const typedOf = (version: string): Typed => typed[version] ?? { reason: '', counts: null };
  useEffect(() => {
    if (open && loaded.data?.ok) document.getElementById(`version-${open}`)?.focus();
  }, [open, loaded.data]);
  return (
    <section aria-labelledby="exch-proposals-heading">
      <h2 id="exch-proposals-heading">{t('exch.proposals')}</h2>
      {loaded.error && <ProblemMessage error={loaded.error} />}
      {!loaded.data ? <p>{t('common.loading')}</p> : (
        <SectionBody section={loaded.data}>{(data) => data.entries.length === 0 ? <p class="muted">{t('exch.proposals.none')}</p> : (
          <ol class="timeline" data-testid="timeline">
            {data.entries.map((entry) => (
              <VersionCard key={entry.summary.version} entry={entry} timeline={data} actor={actor} exchange={exchange}
                opened={open === entry.summary.version}
                typed={typedOf(entry.summary.version)}
                onTyped={(value) => setTyped((all) => ({ ...all, [entry.summary.version]: value }))}
                onReload={() => setReload((n) => n + 1)} />
            ))}
          </ol>
        )}</SectionBody>
      )}
    </section>
  );
}
