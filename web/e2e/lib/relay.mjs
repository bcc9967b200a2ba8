// E2E helper: a TCP relay between the browser and the server, so that a test can drop
// every connection (as a restart or a network fault would) and refuse new ones for a
// while (terminal-dispatch.test.mjs and equipment.test.mjs use it).
import net from 'node:net';

/** Starts a relay to `target` (a base URL); resolves to { url, drop(), up(), close() }. */
export function startRelay(target) {
  const { hostname, port } = new URL(target);
  const sockets = new Set();
  let down = false;
  const relay = net.createServer((client) => {
    if (down) return client.destroy();
    const upstream = net.connect(Number(port), hostname);
    for (const s of [client, upstream]) {
      sockets.add(s);
      s.on('close', () => sockets.delete(s));
      s.on('error', () => {
        client.destroy();
        upstream.destroy();
      });
    }
    client.pipe(upstream);
    upstream.pipe(client);
  });
  return new Promise((resolve) =>
    relay.listen(0, '127.0.0.1', () =>
      resolve({
        url: `http://127.0.0.1:${relay.address().port}`,
        /** Drops every open connection and refuses new ones until up(). */
        drop() {
          down = true;
          for (const s of sockets) s.destroy();
        },
        up() {
          down = false;
        },
        close: () =>
          new Promise((r) => {
            for (const s of sockets) s.destroy();
            relay.close(r);
          }),
      }),
    ),
  );
}
