// A check's report: how many rows were read and, when some are at fault, each problem with its
// line, column (CSV) or JSON path, column name and the reason as the server wrote it.
import type { ImportReport } from '../../api/types';
import { Table } from '../../components/Table';
import { useI18n } from '../../i18n';

export function ImportErrors({ report }: { report: ImportReport }) {
  const { t, number } = useI18n();
  if (report.error_count === 0) {
    return <p class="verified" role="status">{t('act.import.clean', { rows: report.rows })}</p>;
  }
  return (
    <div class="problem" role="alert" data-testid="import-report">
      <p>{t('act.import.problems', { count: report.error_count, rows: report.rows, rejected: report.rejected })}</p>
      {report.errors.length < report.error_count && (
        <p>{t('act.import.firstProblems', { shown: report.errors.length })}</p>
      )}
      <p class="detail">{t('act.import.reasonNote')}</p>
      <Table rows={report.errors} rowKey={(_, i) => i} columns={[
        { label: t('act.import.line'), cell: (e) => number(e.line), numeric: true },
        { label: t('act.import.column'), cell: (e) => (e.column !== undefined ? number(e.column) : e.json_path ?? '—'), numeric: true },
        { label: t('act.import.columnName'), cell: (e) => e.column_name ?? '—' },
        { label: t('act.import.reason'), cell: (e) => e.reason },
      ]} />
    </div>
  );
}
