// Codec interop with the third-party npm `sparkplug-payload` (the payload library of
// `sparkplug-client`), driven by src/mes/equipment/sparkplug/sparkplug_interop_test.cc.
//   node interop.mjs encode        prints [{case, hex}]: payloads their encoder wrote
//   node interop.mjs decode FILE   FILE holds [{case, hex}] written by ordo's encoder;
//                                  prints [{case, payload}] as their decoder reads them
// 64-bit integers are printed as decimal strings, bytes as hex, so nothing is rounded.
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';

const require = createRequire(import.meta.url);
const sparkplug = require('sparkplug-payload').get('spBv1.0');
const Long = require('long');

const T0 = 1764500000000;

function birth() {
  return {
    timestamp: T0,
    seq: 0,
    metrics: [
      { name: 'bdSeq', type: 'Int64', value: 3 },
      { name: 'Node Control/Rebirth', alias: 1, type: 'Boolean', value: false },
      { name: 'i8', alias: 2, type: 'Int8', value: -7 },
      { name: 'i16', alias: 3, type: 'Int16', value: -300 },
      { name: 'i32', alias: 4, type: 'Int32', value: -70000 },
      { name: 'i64', alias: 5, type: 'Int64', value: Long.fromString('-9223372036854775808') },
      { name: 'u8', alias: 6, type: 'UInt8', value: 200 },
      { name: 'u16', alias: 7, type: 'UInt16', value: 60000 },
      { name: 'u32', alias: 8, type: 'UInt32', value: 4000000000 },
      { name: 'u64', alias: 9, type: 'UInt64', value: Long.fromString('18446744073709551615', true) },
      { name: 'f', alias: 10, type: 'Float', value: 1.5 },
      { name: 'd', alias: 11, type: 'Double', value: -2.25e300 },
      { name: 'run', alias: 12, type: 'Boolean', value: true },
      { name: 's', alias: 13, type: 'String', value: 'Grüße, Linie 1' },
      { name: 'dt', alias: 14, type: 'DateTime', value: T0 + 5 },
      { name: 'txt', alias: 15, type: 'Text', value: 'text' },
      { name: 'id', alias: 16, type: 'UUID', value: '8a4f0c52-3c1e-4c35-9b4e-0d3c6b1b2f10' },
      { name: 'raw', alias: 17, type: 'Bytes', value: Buffer.from([0, 1, 255]) },
      { name: 'gone', alias: 18, type: 'Double', value: null },
      { name: 'old', alias: 19, type: 'Int32', value: 42, timestamp: T0 - 60000, isHistorical: true },
    ],
  };
}

function data() {
  // By alias only, as an edge node sends data after its birth.
  return {
    timestamp: T0 + 1000,
    seq: 1,
    metrics: [
      { alias: 2, type: 'Int8', value: -1 },
      { alias: 13, type: 'String', value: 'down' },
      { alias: 11, type: 'Double', value: 0.125, timestamp: T0 + 999 },
    ],
  };
}

function rebirth() {
  return {
    timestamp: T0 + 2000,
    metrics: [{ name: 'Node Control/Rebirth', type: 'Boolean', value: true }],
  };
}

function plain(value) {
  if (Long.isLong(value)) return value.toString();
  if (value instanceof Uint8Array) return { hex: Buffer.from(value).toString('hex') };
  return value;
}

function normalise(payload) {
  const out = {};
  if (payload.timestamp !== undefined) out.timestamp = plain(payload.timestamp);
  if (payload.seq !== undefined) out.seq = plain(payload.seq);
  out.metrics = (payload.metrics ?? []).map((m) => {
    const metric = { type: m.type, value: plain(m.value) };
    if (m.name !== undefined) metric.name = m.name;
    if (m.alias !== undefined) metric.alias = plain(m.alias);
    if (m.timestamp !== undefined) metric.timestamp = plain(m.timestamp);
    if (m.isHistorical !== undefined) metric.isHistorical = m.isHistorical;
    return metric;
  });
  return out;
}

const [command, file] = process.argv.slice(2);
if (command === 'encode') {
  const cases = { birth: birth(), data: data(), rebirth: rebirth() };
  const out = Object.entries(cases).map(([name, payload]) => ({
    case: name,
    hex: Buffer.from(sparkplug.encodePayload(payload)).toString('hex'),
  }));
  process.stdout.write(JSON.stringify(out));
} else if (command === 'decode' && file) {
  const cases = JSON.parse(readFileSync(file, 'utf8'));
  const out = cases.map((c) => ({
    case: c.case,
    payload: normalise(sparkplug.decodePayload(Buffer.from(c.hex, 'hex'))),
  }));
  process.stdout.write(JSON.stringify(out));
} else {
  process.stderr.write('usage: node interop.mjs encode | decode FILE\n');
  process.exit(2);
}
