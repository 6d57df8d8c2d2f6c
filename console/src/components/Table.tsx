// A table of rows: a header cell per column, the first column as each row's header when
// `rowHeader` is set, numbers right-aligned. Wrapped so that a wide table scrolls on its own
// on a narrow screen.
import type { ComponentChildren } from 'preact';

export interface Column<T> { label: string; cell: (row: T) => ComponentChildren; numeric?: boolean }

export function Table<T>({ columns, rows, rowKey, rowHeader = false }: {
  columns: Column<T>[]; rows: T[]; rowKey: (row: T, index: number) => string | number; rowHeader?: boolean;
}) {
  return (
    <div class="scroll">
      <table>
        <thead><tr>
          {columns.map((column) => <th key={column.label} scope="col" class={column.numeric ? 'num' : undefined}>{column.label}</th>)}
        </tr></thead>
        <tbody>
          {rows.map((row, index) => (
            <tr key={rowKey(row, index)}>
              {columns.map((column, c) => {
                const Cell = rowHeader && c === 0 ? 'th' : 'td';
                return <Cell key={column.label} scope={Cell === 'th' ? 'row' : undefined}
                  class={column.numeric ? 'num' : undefined}>{column.cell(row)}</Cell>;
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
