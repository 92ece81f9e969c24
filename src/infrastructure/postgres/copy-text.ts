import type { SqlValue } from '../../application/ports/read-model-db.port.js';

const NEEDS_ESCAPE = /[\\\t\n\r]/;
const IDENTIFIER = /^[a-z_][a-z0-9_]*$/;

function field(value: SqlValue): string {
  if (value === null) return '\\N';
  if (typeof value !== 'string') return String(value);
  if (!NEEDS_ESCAPE.test(value)) return value;
  return value.replace(/[\\\t\n\r]/g, (c) => (c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\r'));
}

/** Rows in COPY's text format. Plain loops: bulk loads pass hundreds of thousands of rows, map/join per row shows. */
export function copyText(rows: readonly (readonly SqlValue[])[]): string {
  let text = '';
  for (const row of rows) {
    for (let i = 0; i < row.length; i++) text += i === 0 ? field(row[i] as SqlValue) : `\t${field(row[i] as SqlValue)}`;
    text += '\n';
  }
  return text;
}

export function copyStatement(table: string, columns: readonly string[], source: 'STDIN' | "'/dev/blob'"): string {
  for (const name of [table, ...columns]) {
    if (!IDENTIFIER.test(name)) throw new Error(`unsafe identifier in bulk insert: ${name}`);
  }
  return `COPY ${table} (${columns.join(', ')}) FROM ${source}`;
}
