// Reads the tables of the docs/validation/*.md files: every table whose header row
// names the expected columns, under the nearest heading above it.

function splitRow(line) {
  let s = line.trim();
  if (s.startsWith('|')) s = s.slice(1);
  if (s.endsWith('|') && !s.endsWith('\\|')) s = s.slice(0, -1);
  const cells = [];
  let cell = '';
  for (let k = 0; k < s.length; k++) {
    if (s[k] === '\\' && s[k + 1] === '|') {
      cell += '|';
      k++;
    } else if (s[k] === '|') {
      cells.push(cell.trim());
      cell = '';
    } else {
      cell += s[k];
    }
  }
  cells.push(cell.trim());
  return cells;
}

/**
 * Returns the rows of every table whose header is exactly `columns`, as objects keyed by
 * column name plus `heading` (the nearest heading above the table) and `line` (1-based).
 * Rows whose cell count differs from the header are returned with `error` set.
 */
export function readTables(text, columns) {
  const lines = text.split(/\r?\n/);
  const rows = [];
  let heading = '';
  for (let n = 0; n < lines.length; n++) {
    const line = lines[n];
    const h = /^(#+)\s+(.*)$/.exec(line);
    if (h) {
      heading = h[2].trim();
      continue;
    }
    if (!line.trim().startsWith('|')) continue;
    const header = splitRow(line);
    const isHeader =
      header.length === columns.length && header.every((c, k) => c === columns[k]) &&
      /^\s*\|?\s*:?-{3,}/.test(lines[n + 1] ?? '');
    if (!isHeader) continue;
    n += 2;
    for (; n < lines.length && lines[n].trim().startsWith('|'); n++) {
      const cells = splitRow(lines[n]);
      const row = { heading, line: n + 1 };
      if (cells.length !== columns.length) {
        row.error = `line ${n + 1}: ${cells.length} cells, the table has ${columns.length} columns`;
      }
      columns.forEach((c, k) => {
        row[c] = cells[k] ?? '';
      });
      rows.push(row);
    }
    n--;
  }
  return rows;
}
