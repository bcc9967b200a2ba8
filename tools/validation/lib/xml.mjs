// A small XML reader for the result files the validation pack reads (GoogleTest XML,
// ctest JUnit, node --test JUnit). It understands elements, attributes, text, CDATA,
// comments, processing instructions, a DOCTYPE line and the predefined and numeric
// entities; it does not validate, resolve DTDs or handle namespaces. Malformed input
// throws an Error naming the offset.

const ENTITIES = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

export function decodeEntities(text) {
  return text.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-zA-Z]+);/g, (whole, name) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return Number.isFinite(code) ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[name] ?? whole;
  });
}

/** Parses a document; returns its root element {name, attrs, children, text}. */
export function parseXml(source) {
  let i = 0;
  const root = { name: '#document', attrs: {}, children: [], text: '' };
  const stack = [root];
  const fail = (what) => {
    throw new Error(`XML: ${what} at offset ${i}`);
  };
  while (i < source.length) {
    const lt = source.indexOf('<', i);
    const top = stack[stack.length - 1];
    if (lt < 0) {
      top.text += decodeEntities(source.slice(i));
      break;
    }
    if (lt > i) top.text += decodeEntities(source.slice(i, lt));
    i = lt;
    if (source.startsWith('<!--', i)) {
      const end = source.indexOf('-->', i + 4);
      if (end < 0) fail('unterminated comment');
      i = end + 3;
    } else if (source.startsWith('<![CDATA[', i)) {
      const end = source.indexOf(']]>', i + 9);
      if (end < 0) fail('unterminated CDATA section');
      top.text += source.slice(i + 9, end);
      i = end + 3;
    } else if (source.startsWith('<?', i)) {
      const end = source.indexOf('?>', i + 2);
      if (end < 0) fail('unterminated processing instruction');
      i = end + 2;
    } else if (source.startsWith('<!', i)) {
      const end = source.indexOf('>', i + 2);
      if (end < 0) fail('unterminated declaration');
      i = end + 1;
    } else if (source.startsWith('</', i)) {
      const end = source.indexOf('>', i + 2);
      if (end < 0) fail('unterminated end tag');
      const name = source.slice(i + 2, end).trim();
      const open = stack.pop();
      if (!open || open === root || open.name !== name) fail(`end tag </${name}> does not match`);
      i = end + 1;
    } else {
      i += 1;
      const nameMatch = /^[^\s/>]+/.exec(source.slice(i, i + 256));
      if (!nameMatch) fail('element without a name');
      const element = { name: nameMatch[0], attrs: {}, children: [], text: '' };
      i += nameMatch[0].length;
      for (;;) {
        while (/\s/.test(source[i] ?? '')) i++;
        if (i >= source.length) fail('unterminated start tag');
        if (source.startsWith('/>', i)) {
          i += 2;
          top.children.push(element);
          break;
        }
        if (source[i] === '>') {
          i += 1;
          top.children.push(element);
          stack.push(element);
          break;
        }
        const attr = /^([^\s=/>]+)\s*=\s*("([^"]*)"|'([^']*)')/.exec(source.slice(i, i + 1_000_000));
        if (!attr) fail(`bad attribute in <${element.name}>`);
        element.attrs[attr[1]] = decodeEntities(attr[3] ?? attr[4]);
        i += attr[0].length;
      }
    }
  }
  if (stack.length !== 1) fail(`unclosed element <${stack[stack.length - 1].name}>`);
  const elements = root.children;
  if (elements.length !== 1) throw new Error(`XML: expected one root element, found ${elements.length}`);
  return elements[0];
}

/** Every descendant element (depth first) with the given name. */
export function findAll(element, name, out = []) {
  for (const child of element.children) {
    if (child.name === name) out.push(child);
    findAll(child, name, out);
  }
  return out;
}

/** The first direct child with the given name, or undefined. */
export function child(element, name) {
  return element.children.find((c) => c.name === name);
}
