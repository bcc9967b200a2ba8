// A small Markdown parser for work instructions and policy texts: Markdown text -> a
// tree of plain nodes (headings, paragraphs, lists, code, quotes, rules; emphasis,
// strong, code spans, links, line breaks). Raw HTML is never interpreted: it stays
// text. Link targets are kept only when they are http(s), relative, or an attachment
// (by SHA-256); anything else (javascript:, data:, ...) drops the link and keeps its
// text. Pure: no DOM, no I/O. Markdown.tsx renders the tree as Preact elements.

export type Inline =
  | { t: 'text'; text: string }
  | { t: 'code'; text: string }
  | { t: 'em' | 'strong'; children: Inline[] }
  | { t: 'link'; href: string; children: Inline[] }
  | { t: 'attachment'; sha256: string; children: Inline[] }
  | { t: 'br' };

export type Block =
  | { t: 'heading'; level: number; children: Inline[] }
  | { t: 'paragraph'; children: Inline[] }
  | { t: 'list'; ordered: boolean; start: number; items: Block[][] }
  | { t: 'code'; text: string }
  | { t: 'quote'; children: Block[] }
  | { t: 'rule' };

/** An attachment's SHA-256 from a link target ("attachment:HEX", "/api/v1/attachments/HEX"). */
export function attachmentHash(target: string): string | null {
  const m = /^(?:attachment:|\/api\/v1\/attachments\/)([0-9a-fA-F]{64})$/.exec(target.trim());
  return m ? m[1].toLowerCase() : null;
}

/**
 * A link target that is safe to put in href, or null: http(s) URLs and relative ones
 * (path, "./", "../", "#", "?"), never another scheme and never "//host" (browsers read
 * a backslash as a slash in such URLs, so "/\host" and "\\host" are "//host" too).
 */
export function safeHref(target: string): string | null {
  // Browsers ignore control characters and whitespace inside a scheme ("java\tscript:").
  const squeezed = target.replace(/[\u0000-\u0020\u007f-\u009f]/g, '').replace(/\\/g, '/');
  if (squeezed === '' || squeezed.startsWith('//')) return null;
  const scheme = /^([a-zA-Z][a-zA-Z0-9+.-]*):/.exec(squeezed);
  if (scheme) return /^https?$/i.test(scheme[1]) ? target.trim() : null;
  if (/^[^/?#]*:/.test(squeezed)) return null; // "a:b" before any / ? # is a scheme to a browser
  return target.trim();
}

// ---------- inline ----------

const PUNCT = /[!-/:-@[-`{-~]/;
/** How far a closing marker or bracket is looked for, and how deep spans nest: bounds the work on any input. */
const MAX_SPAN = 2000;
const MAX_DEPTH = 16;

function findClose(s: string, from: number, marker: string): number {
  const last = Math.min(s.length - marker.length, from + MAX_SPAN);
  for (let i = from; i <= last; i++) {
    if (s[i] === '\\') {
      i++;
      continue;
    }
    if (s.startsWith(marker, i) && i > from && s[i - 1] !== ' ') {
      // "_" closes only at a word end (snake_case names stay as they are).
      if (marker[0] === '_' && /\w/.test(s[i + marker.length] ?? '')) continue;
      return i;
    }
  }
  return -1;
}

/** Finds the "]" that closes a "[" at `open`, allowing nested brackets. */
function closeBracket(s: string, open: number): number {
  let depth = 0;
  const last = Math.min(s.length, open + MAX_SPAN);
  for (let i = open; i < last; i++) {
    if (s[i] === '\\') i++;
    else if (s[i] === '[') depth++;
    else if (s[i] === ']' && --depth === 0) return i;
  }
  return -1;
}

function linkNode(target: string, children: Inline[]): Inline[] {
  const sha = attachmentHash(target);
  if (sha) return [{ t: 'attachment', sha256: sha, children }];
  const href = safeHref(target);
  return href ? [{ t: 'link', href, children }] : children;
}

/** Inline Markdown of one block; spans nested deeper than MAX_DEPTH stay text. */
export function parseInline(s: string, depth = 0): Inline[] {
  if (depth > MAX_DEPTH) return [{ t: 'text', text: s }];
  const out: Inline[] = [];
  let text = '';
  const flush = () => {
    if (text) out.push({ t: 'text', text });
    text = '';
  };
  let i = 0;
  while (i < s.length) {
    const c = s[i];
    if (c === '\\' && i + 1 < s.length && (PUNCT.test(s[i + 1]) || s[i + 1] === '\n')) {
      if (s[i + 1] === '\n') {
        flush();
        out.push({ t: 'br' });
      } else text += s[i + 1];
      i += 2;
      continue;
    }
    if (c === '\n') {
      // Two trailing spaces make a hard break; otherwise a soft break is a space.
      if (text.endsWith('  ')) {
        text = text.replace(/ +$/, '');
        flush();
        out.push({ t: 'br' });
      } else text = text.replace(/ +$/, '') + ' ';
      i++;
      continue;
    }
    if (c === '`') {
      const run = /^`+/.exec(s.slice(i))![0];
      const end = s.indexOf(run, i + run.length);
      if (end > 0) {
        flush();
        out.push({ t: 'code', text: s.slice(i + run.length, end).replace(/\n/g, ' ').trim() || ' ' });
        i = end + run.length;
        continue;
      }
      text += run;
      i += run.length;
      continue;
    }
    if (c === '*' || c === '_') {
      const strong = s[i + 1] === c;
      const marker = strong ? c + c : c;
      const opensWord = c === '*' || i === 0 || !/\w/.test(s[i - 1]);
      const next = s[i + marker.length];
      if (opensWord && next !== undefined && next !== ' ' && next !== '\n') {
        const end = findClose(s, i + marker.length, marker);
        if (end > 0) {
          flush();
          out.push({ t: strong ? 'strong' : 'em', children: parseInline(s.slice(i + marker.length, end), depth + 1) });
          i = end + marker.length;
          continue;
        }
      }
      text += marker;
      i += marker.length;
      continue;
    }
    if (c === '[' || (c === '!' && s[i + 1] === '[')) {
      const open = c === '!' ? i + 1 : i;
      const close = closeBracket(s, open);
      const paren = close > 0 && s[close + 1] === '(' ? s.indexOf(')', close + 2) : -1;
      if (paren > 0) {
        const label = s.slice(open + 1, close);
        const target = s.slice(close + 2, paren).trim().replace(/\s+"[^"]*"$/, '').replace(/^<(.*)>$/, '$1');
        flush();
        // An image is shown as a link to it: no request leaves the page on its own.
        const children = label ? parseInline(label, depth + 1) : [{ t: 'text' as const, text: target }];
        out.push(...linkNode(target, children));
        i = paren + 1;
        continue;
      }
    }
    if (c === '<') {
      const auto = /^<(https?:\/\/[^\s<>]+)>/i.exec(s.slice(i));
      if (auto) {
        flush();
        out.push(...linkNode(auto[1], [{ t: 'text', text: auto[1] }]));
        i += auto[0].length;
        continue;
      }
    }
    text += c;
    i++;
  }
  flush();
  return out;
}

// ---------- blocks ----------

const LIST_ITEM = /^( {0,3})([-*+]|\d{1,9}[.)])( +|$)/;
const FENCE = /^ {0,3}(```+|~~~+)/;

function isBlank(line: string): boolean {
  return line.trim() === '';
}

function startsBlock(line: string): boolean {
  return /^ {0,3}(#{1,6}( |$)|>|([-*_] *){3,}$)/.test(line) || FENCE.test(line) || LIST_ITEM.test(line);
}

function parseLines(lines: string[], depth = 0): Block[] {
  // Quotes and lists nested deeper than MAX_DEPTH stay text.
  if (depth > MAX_DEPTH) return [{ t: 'paragraph', children: [{ t: 'text', text: lines.join('\n') }] }];
  const blocks: Block[] = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i];
    if (isBlank(line)) {
      i++;
      continue;
    }
    const fence = FENCE.exec(line);
    if (fence) {
      const body: string[] = [];
      i++;
      while (i < lines.length && !lines[i].trimStart().startsWith(fence[1])) body.push(lines[i++]);
      i++; // the closing fence (or the end)
      blocks.push({ t: 'code', text: body.join('\n') });
      continue;
    }
    const heading = /^ {0,3}(#{1,6})(?: +(.*?))?(?: +#+)? *$/.exec(line);
    if (heading) {
      blocks.push({ t: 'heading', level: heading[1].length, children: parseInline(heading[2] ?? '') });
      i++;
      continue;
    }
    if (/^ {0,3}([-*_])( *\1){2,} *$/.test(line)) {
      blocks.push({ t: 'rule' });
      i++;
      continue;
    }
    if (/^ {0,3}>/.test(line)) {
      const body: string[] = [];
      while (i < lines.length && /^ {0,3}>/.test(lines[i])) body.push(lines[i++].replace(/^ {0,3}> ?/, ''));
      blocks.push({ t: 'quote', children: parseLines(body, depth + 1) });
      continue;
    }
    const item = LIST_ITEM.exec(line);
    if (item) {
      const ordered = /\d/.test(item[2]);
      const start = ordered ? parseInt(item[2], 10) : 1;
      const items: Block[][] = [];
      while (i < lines.length) {
        const m = LIST_ITEM.exec(lines[i]);
        if (!m || /\d/.test(m[2]) !== ordered) break;
        const indent = m[0].length || m[1].length + m[2].length + 1;
        const body = [lines[i].slice(m[0].length)];
        i++;
        // The item's own lines: indented under it, or lazy continuation of its text.
        while (i < lines.length) {
          const l = lines[i];
          if (isBlank(l)) {
            if (i + 1 < lines.length && /^ +/.test(lines[i + 1]) && lines[i + 1].search(/\S/) >= indent) {
              body.push('');
              i++;
              continue;
            }
            break;
          }
          if (l.search(/\S/) >= indent) body.push(l.slice(indent));
          else if (!startsBlock(l)) body.push(l.trim());
          else break;
          i++;
        }
        items.push(parseLines(body, depth + 1));
        while (i < lines.length && isBlank(lines[i]) && i + 1 < lines.length && LIST_ITEM.test(lines[i + 1])) i++;
      }
      blocks.push({ t: 'list', ordered, start, items });
      continue;
    }
    const para: string[] = [];
    while (i < lines.length && !isBlank(lines[i]) && (para.length === 0 || !startsBlock(lines[i]))) para.push(lines[i++].trim());
    blocks.push({ t: 'paragraph', children: parseInline(para.join('\n')) });
  }
  return blocks;
}

/** Parses Markdown text into blocks. Never throws; any input gives some tree. */
export function parseMarkdown(text: string): Block[] {
  return parseLines(text.replace(/\r\n?/g, '\n').replace(/\t/g, '    ').split('\n'));
}
