// A rest source's API key, shown this once (after registration or rotation): ordo keeps
// only its hash, so the page says so plainly and offers a copy button.
import { useState } from 'preact/hooks';

export function KeyOnce({ source, apiKey, onDismiss }: { source: string; apiKey: string; onDismiss: () => void }) {
  const [copied, setCopied] = useState('');
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(apiKey);
      setCopied('Copied to the clipboard.');
    } catch {
      setCopied('The browser did not allow copying: select the key and copy it by hand.');
    }
  };
  return (
    <div class="msg eq-key" role="alert" data-testid="src-key-panel">
      <strong>The API key of {source} is shown only this once.</strong>
      <p>Copy it now and put it in the machine's configuration. ordo keeps only its hash: nobody can show it again. If it is lost, rotate the key.</p>
      <code class="eq-key-text" data-testid="src-key">
        {apiKey}
      </code>
      <div class="form-row">
        <button type="button" class="btn btn-primary" data-testid="src-key-copy" onClick={copy}>
          Copy the key
        </button>
        <button type="button" class="btn" data-testid="src-key-done" onClick={onDismiss}>
          I have stored it: hide the key
        </button>
      </div>
      <p role="status" class="muted">
        {copied}
      </p>
    </div>
  );
}
