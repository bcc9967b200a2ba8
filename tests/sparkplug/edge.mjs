// A third-party Sparkplug B edge node for ordo's host tests: the npm `sparkplug-client`
// connected to a real broker, driven by tests/sparkplug_host_test.cc.
//   node edge.mjs BROKER_URL GROUP NODE DEVICES COMMAND_FILE [nobirth]
// DEVICES is a comma-separated list. On connect it publishes NBIRTH and one DBIRTH per
// device (unless `nobirth`), and again on every NCMD `Node Control/Rebirth` = true. It
// polls COMMAND_FILE for JSON lines and runs each new one in order:
//   {"op":"ddata","device":D,"metrics":[{name,type,value,timestamp?}],"timestamp"?}
//   {"op":"ndata","metrics":[...]}      {"op":"gap","skip":N}  (seq jumps by N)
//   {"op":"ddeath","device":D}          {"op":"stop"} (NDEATH, then exit)
//   {"op":"exit"}                       (no DISCONNECT: the broker sends the will)
// It prints one JSON line per event: connected, births, ncmd, done (op, index).
import { createRequire } from 'node:module';
import { existsSync, readFileSync } from 'node:fs';

const require = createRequire(import.meta.url);
const sparkplug = require('sparkplug-client');

const [url, groupId, edgeNode, deviceList, commandFile, mode] = process.argv.slice(2);
const devices = deviceList.split(',').filter((d) => d.length > 0);
const log = (event) => process.stdout.write(JSON.stringify(event) + '\n');

const client = sparkplug.newClient({
  serverUrl: url,
  username: '',
  password: '',
  groupId,
  edgeNode,
  clientId: `edge-${edgeNode}-${process.pid}`,
  publishDeath: true,
  version: 'spBv1.0',
});

// The births repeat each device's last published state, reason and temperature.
const last = {};
for (const device of devices) last[device] = { state: 'idle', reason: 'no_order', 'tag/temperature': 20.5 };

let births = 0;
function publishBirths() {
  const now = Date.now();
  client.publishNodeBirth({
    timestamp: now,
    metrics: [{ name: 'Node Control/Rebirth', type: 'Boolean', value: false }],
  });
  for (const device of devices) {
    client.publishDeviceBirth(device, {
      timestamp: now,
      metrics: [
        { name: 'state', alias: 1, type: 'String', value: last[device].state },
        { name: 'reason', alias: 2, type: 'String', value: last[device].reason },
        { name: 'count/total', alias: 3, type: 'Int64', value: 0 },
        { name: 'count/good', alias: 4, type: 'Int64', value: 0 },
        { name: 'count/scrap', alias: 5, type: 'Int64', value: 0 },
        { name: 'tag/temperature', alias: 6, type: 'Double', value: last[device]['tag/temperature'] },
      ],
    });
  }
  births += 1;
  log({ event: 'births', count: births, seq: client.seq });
}

client.on('birth', () => {
  log({ event: 'connected' });
  if (mode !== 'nobirth') publishBirths();
});

client.on('ncmd', (payload) => {
  const metrics = (payload.metrics ?? []).map((m) => ({ name: m.name, type: m.type, value: m.value }));
  log({ event: 'ncmd', metrics });
  if (metrics.some((m) => m.name === 'Node Control/Rebirth' && m.value === true)) publishBirths();
});

let done = 0;
function run(command) {
  switch (command.op) {
    case 'ddata':
      for (const m of command.metrics) {
        if (m.name in (last[command.device] ?? {})) last[command.device][m.name] = m.value;
        if (m.name === 'state' && !command.metrics.some((n) => n.name === 'reason')) last[command.device].reason = '';
      }
      client.publishDeviceData(command.device, {
        timestamp: command.timestamp ?? Date.now(),
        metrics: command.metrics,
      });
      break;
    case 'ndata':
      client.publishNodeData({ timestamp: command.timestamp ?? Date.now(), metrics: command.metrics });
      break;
    case 'gap':
      client.seq = (client.seq + command.skip) % 256;
      break;
    case 'ddeath':
      client.publishDeviceDeath(command.device, { timestamp: Date.now(), metrics: [] });
      break;
    case 'stop':
      client.stop();
      setTimeout(() => process.exit(0), 500);
      break;
    case 'exit':
      process.exit(0);
  }
}

setInterval(() => {
  if (!existsSync(commandFile)) return;
  const lines = readFileSync(commandFile, 'utf8').split('\n').filter((l) => l.trim().length > 0);
  while (done < lines.length) {
    const command = JSON.parse(lines[done]);
    run(command);
    done += 1;
    log({ event: 'done', op: command.op, index: done - 1 });
  }
}, 50);
