// Loads docs/validation/requirements.md, compliance-response.md and fuzz-targets.md and
// checks their shape (ids, met-by, risk, status). Problems are returned, never thrown.
import { readTables } from './markdown.mjs';

export const REQUIREMENT_COLUMNS = ['ID', 'Requirement', 'Met by', 'Risk', 'Status'];
export const COMPLIANCE_COLUMNS = ['ID', 'Clause', 'How ordo meets it', 'Also shown by', 'What the site must do'];
export const FUZZ_COLUMNS = ['Target', 'Stats file', 'Verifies', 'What the run shows'];

export const ID_PATTERN = /^(?:(?:P11|A11|DI|IND|VAL)-\d{2}|ORDO-[A-Z]+-\d{2})$/;
// An id-shaped token wherever tags are written: used to find typos such as "P11-1".
export const TAG_TOKEN = /(?:P11|A11|DI|IND|VAL|ORDO)-[A-Za-z0-9-]*[A-Za-z0-9]/g;

const MET_BY = new Set(['software', 'procedure', 'software+procedure', 'n/a']);
const RISK = new Set(['high', 'medium', 'low']);
const STATUS = new Set(['built', 'partial', 'planned', 'procedure', 'n/a']);

/** Splits "a, b; c" into ids; "—", "-" and "" give []. */
export function splitIds(cell) {
  return cell
    .split(/[,;\s]+/)
    .map((s) => s.trim())
    .filter((s) => s && s !== '—' && s !== '-');
}

export function loadRequirements(text, file) {
  const problems = [];
  const requirements = [];
  const seen = new Map();
  for (const row of readTables(text, REQUIREMENT_COLUMNS)) {
    const where = `${file}:${row.line}`;
    if (row.error) {
      problems.push({ kind: 'requirements', message: `${where}: ${row.error}` });
      continue;
    }
    const id = row.ID.replace(/`/g, '');
    if (!ID_PATTERN.test(id)) {
      problems.push({ kind: 'requirements', message: `${where}: "${id}" is not a requirement id (P11-NN, A11-NN, DI-NN, IND-NN, VAL-NN or ORDO-AREA-NN)` });
      continue;
    }
    if (seen.has(id)) {
      problems.push({ kind: 'requirements', message: `${where}: ${id} is listed twice (first at line ${seen.get(id)})` });
      continue;
    }
    seen.set(id, row.line);
    const metBy = row['Met by'].toLowerCase();
    const risk = row.Risk.toLowerCase();
    const statusMatch = /^([a-z/]+)\s*(?:—|--|-|:)?\s*(.*)$/i.exec(row.Status);
    const status = statusMatch ? statusMatch[1].toLowerCase() : '';
    if (!MET_BY.has(metBy)) {
      problems.push({ kind: 'requirements', message: `${where}: ${id} has "Met by" "${row['Met by']}"; expected software, procedure, software+procedure or n/a` });
    }
    if (!RISK.has(risk)) {
      problems.push({ kind: 'requirements', message: `${where}: ${id} has no risk rating ("${row.Risk}"); expected high, medium or low (VAL-01)` });
    }
    if (!STATUS.has(status)) {
      problems.push({ kind: 'requirements', message: `${where}: ${id} has status "${row.Status}"; it must start with built, partial, planned, procedure or n/a` });
    }
    if (!row.Requirement) {
      problems.push({ kind: 'requirements', message: `${where}: ${id} has no text` });
    }
    requirements.push({
      id,
      section: row.heading,
      text: row.Requirement,
      met_by: metBy,
      risk,
      status,
      status_note: statusMatch ? statusMatch[2] : row.Status,
      line: row.line,
    });
  }
  if (requirements.length === 0) {
    problems.push({ kind: 'requirements', message: `${file}: no requirement table found (header ${REQUIREMENT_COLUMNS.join(' | ')})` });
  }
  return { requirements, problems };
}

export function loadCompliance(text, file, known) {
  const problems = [];
  const clauses = [];
  for (const row of readTables(text, COMPLIANCE_COLUMNS)) {
    const where = `${file}:${row.line}`;
    if (row.error) {
      problems.push({ kind: 'compliance', message: `${where}: ${row.error}` });
      continue;
    }
    const id = row.ID.replace(/`/g, '');
    if (!/^(P11|A11)-\d{2}$/.test(id) || !known.has(id)) {
      problems.push({ kind: 'unknown-id', message: `${where}: compliance row "${id}" is not a Part 11 or Annex 11 id of requirements.md` });
      continue;
    }
    const also = splitIds(row['Also shown by'].replace(/`/g, ''));
    for (const other of also) {
      if (!known.has(other)) {
        problems.push({ kind: 'unknown-id', message: `${where}: ${id} is "also shown by" ${other}, which is not in requirements.md` });
      }
    }
    clauses.push({
      id,
      regulation: id.startsWith('P11') ? '21 CFR Part 11' : 'EU GMP Annex 11',
      clause: row.Clause,
      how: row['How ordo meets it'],
      also: also.filter((o) => known.has(o)),
      site: row['What the site must do'],
    });
  }
  for (const id of known) {
    if (/^(P11|A11)-/.test(id) && !clauses.some((c) => c.id === id)) {
      problems.push({ kind: 'compliance', message: `${file}: no compliance response for ${id}` });
    }
  }
  return { clauses, problems };
}

export function loadFuzzTargets(text, file) {
  const problems = [];
  const targets = [];
  for (const row of readTables(text, FUZZ_COLUMNS)) {
    if (row.error) {
      problems.push({ kind: 'fuzz-map', message: `${file}:${row.line}: ${row.error}` });
      continue;
    }
    targets.push({
      name: row.Target.replace(/`/g, ''),
      stats: row['Stats file'].replace(/`/g, ''),
      verifies: splitIds(row.Verifies.replace(/`/g, '')),
      shows: row['What the run shows'],
      line: row.line,
    });
  }
  return { targets, problems };
}
