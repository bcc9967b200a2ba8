// <Markdown text=...> (this file: MarkdownText.tsx): renders Markdown (work instructions, policy texts) as Preact
// elements built from markdown.ts's tree. No HTML string ever reaches the DOM (no
// innerHTML): raw HTML in the text shows as text. Attachment links open the stored
// file through the API with the session's token (<AttachmentLink>).
import type { ComponentChildren } from 'preact';
import { errorMessage, getToken } from './http';
import { parseMarkdown, type Block, type Inline } from './markdown';

/** Media types a browser may show in a tab of its own; anything else is downloaded. */
const VIEWABLE = /^(image\/(png|jpeg|gif|webp)|application\/pdf|text\/plain)(;|$)/i;

/** Fetches an attachment with the session's token and shows or downloads it. */
export async function openAttachment(sha256: string, name?: string): Promise<void> {
  const token = getToken();
  const res = await fetch(`/api/v1/attachments/${encodeURIComponent(sha256)}`, {
    headers: token ? { Authorization: `Bearer ${token}` } : {},
  });
  if (!res.ok) throw new Error(`The attachment could not be opened (HTTP ${res.status}).`);
  const type = res.headers.get('Content-Type') ?? 'application/octet-stream';
  const url = URL.createObjectURL(new Blob([await res.arrayBuffer()], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.rel = 'noopener';
  if (VIEWABLE.test(type)) a.target = '_blank';
  else a.download = name || sha256;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

interface AttachmentProps {
  sha256: string;
  name?: string;
  children?: ComponentChildren;
}

/** A link to a stored attachment (by SHA-256) that opens it with the session's token. */
export function AttachmentLink({ sha256, name, children }: AttachmentProps) {
  const onClick = (e: MouseEvent) => {
    e.preventDefault();
    openAttachment(sha256, name).catch((err) => window.alert(errorMessage(err)));
  };
  return (
    <a href={`/api/v1/attachments/${sha256}`} onClick={onClick} class="attachment-link" data-testid="attachment-link" data-sha256={sha256} title={`Attachment ${sha256}`}>
      {children ?? name ?? sha256.slice(0, 12)}
    </a>
  );
}

/**
 * A link's target, shown after its text where a reader compares versions: a change of
 * only the target (another SOP, another attachment) would otherwise look the same.
 */
function Target({ text }: { text: string }) {
  return (
    <span class="md-target muted" data-testid="md-link-target">
      {' '}
      ({text})
    </span>
  );
}

function inlines(nodes: Inline[], targets: boolean): ComponentChildren[] {
  return nodes.map((n, i) => {
    switch (n.t) {
      case 'text':
        return n.text;
      case 'code':
        return <code key={i}>{n.text}</code>;
      case 'em':
        return <em key={i}>{inlines(n.children, targets)}</em>;
      case 'strong':
        return <strong key={i}>{inlines(n.children, targets)}</strong>;
      case 'br':
        return <br key={i} />;
      case 'link': {
        const external = /^https?:/i.test(n.href);
        return (
          <span key={i}>
            <a href={n.href} target={external ? '_blank' : undefined} rel={external ? 'noopener noreferrer' : undefined}>
              {inlines(n.children, targets)}
            </a>
            {targets && <Target text={n.href} />}
          </span>
        );
      }
      case 'attachment':
        return (
          <span key={i}>
            <AttachmentLink sha256={n.sha256}>{inlines(n.children, targets)}</AttachmentLink>
            {targets && <Target text={`attachment ${n.sha256}`} />}
          </span>
        );
    }
  });
}

function blocks(nodes: Block[], targets: boolean, tight = false): ComponentChildren[] {
  return nodes.map((b, i) => {
    switch (b.t) {
      case 'heading': {
        // Headings inside a record start below the page's own (h1, h2): h3 and down.
        const H = `h${Math.min(b.level + 2, 6)}` as 'h3';
        return <H key={i}>{inlines(b.children, targets)}</H>;
      }
      case 'paragraph':
        return tight ? inlines(b.children, targets) : <p key={i}>{inlines(b.children, targets)}</p>;
      case 'code':
        return (
          <pre key={i}>
            <code>{b.text}</code>
          </pre>
        );
      case 'quote':
        return <blockquote key={i}>{blocks(b.children, targets)}</blockquote>;
      case 'rule':
        return <hr key={i} />;
      case 'list': {
        const items = b.items.map((item, j) => <li key={j}>{blocks(item, targets, item.length === 1)}</li>);
        return b.ordered ? (
          <ol key={i} start={b.start !== 1 ? b.start : undefined}>
            {items}
          </ol>
        ) : (
          <ul key={i}>{items}</ul>
        );
      }
    }
  });
}

interface Props {
  text: string;
  /** Extra class of the block (it always has "md"). */
  class?: string;
  testId?: string;
  /** Show every link's target after its text (diffs: a changed target must be seen). */
  showTargets?: boolean;
}

/** Markdown text as elements, in a block with class "md". */
export function Markdown({ text, class: cls, testId, showTargets = false }: Props) {
  return (
    <div class={cls ? `md ${cls}` : 'md'} data-testid={testId}>
      {blocks(parseMarkdown(text), showTargets)}
    </div>
  );
}
