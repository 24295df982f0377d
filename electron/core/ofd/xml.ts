import { XMLParser } from 'fast-xml-parser';

/** An OFD XML element without its namespace prefix (ofd:Page → Page), in document order. */
export interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: XmlElement[];
  /** The element's own text (TextCode's characters), entities decoded. */
  text: string;
}

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  removeNSPrefix: true,
  trimValues: false,
  parseTagValue: false,
  parseAttributeValue: false,
  processEntities: true,
  // OFD never declares a DTD; the package guard refuses one before this parser sees it.
  ignoreDeclaration: true,
});

type Raw = Record<string, unknown>;

function toElement(raw: Raw): XmlElement | null {
  const name = Object.keys(raw).find((k) => k !== ':@');
  if (!name || name === '#text' || name.startsWith('?')) return null;
  const attrs: Record<string, string> = {};
  for (const [k, v] of Object.entries((raw[':@'] as Raw | undefined) ?? {})) attrs[k] = String(v);
  const children: XmlElement[] = [];
  let text = '';
  for (const item of (raw[name] as Raw[] | undefined) ?? []) {
    if ('#text' in item) text += String(item['#text']);
    else {
      const child = toElement(item);
      if (child) children.push(child);
    }
  }
  return { name, attrs, children, text };
}

/** The root element of an OFD part; throws when the XML is not well-formed or empty. */
export function parseOfdXml(xml: string): XmlElement {
  const parsed = parser.parse(xml) as Raw[];
  for (const raw of parsed) {
    const el = toElement(raw);
    if (el) return el;
  }
  throw new Error('no root element');
}

export function child(el: XmlElement | undefined, name: string): XmlElement | undefined {
  return el?.children.find((c) => c.name === name);
}

export function childrenNamed(el: XmlElement | undefined, name: string): XmlElement[] {
  return el ? el.children.filter((c) => c.name === name) : [];
}

/** Text of a child element (Document.xml's <DocRoot>Doc_0/Document.xml</DocRoot>), trimmed. */
export function childText(el: XmlElement | undefined, name: string): string {
  return child(el, name)?.text.trim() ?? '';
}
