// Server-sent events read with fetch (the browser's EventSource cannot send the bearer
// token, and a token in the URL would end up in logs): the frame parser shared by the
// streams the web UI follows (security events, dispatch lists).

/**
 * Parses the complete frames at the start of `buffer` ("id: ...", "event: ...",
 * "data: ..." lines ended by a blank line; ": comment" lines skipped) and calls `onData`
 * for each frame that has data; returns what is left over (an incomplete frame).
 */
export function parseFrames(buffer: string, onData: (event: string, data: string, id: string) => void): string {
  const text = buffer.replace(/\r\n?/g, '\n');
  let rest = text;
  for (let end = rest.indexOf('\n\n'); end >= 0; end = rest.indexOf('\n\n')) {
    const frame = rest.slice(0, end);
    rest = rest.slice(end + 2);
    let event = 'message';
    let id = '';
    const data: string[] = [];
    for (const line of frame.split('\n')) {
      if (line === '' || line.startsWith(':')) continue;
      const colon = line.indexOf(':');
      const name = colon < 0 ? line : line.slice(0, colon);
      const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
      if (name === 'event') event = value;
      else if (name === 'data') data.push(value);
      else if (name === 'id') id = value;
    }
    if (data.length) onData(event, data.join('\n'), id);
  }
  return rest;
}
