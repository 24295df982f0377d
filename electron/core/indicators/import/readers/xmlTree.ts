import { XMLParser } from 'fast-xml-parser';

/**
 * fast-xml-parser’s order-preserving shape: each element is `{ [tag]: children, ':@'?: attributes }`,
 * text is `{ '#text': string }`. Order matters in Word (runs, cells), so we keep it.
 */
export type XmlNode = Record<string, unknown>;

const ATTRS = ':@';
const TEXT = '#text';

export function parseXml(xml: string): XmlNode[] {
  const parser = new XMLParser({
    preserveOrder: true,
    ignoreAttributes: false,
    attributeNamePrefix: '',
    trimValues: false,
    parseTagValue: false,
    parseAttributeValue: false,
  });
  return asNodes(parser.parse(xml));
}

export function tagOf(node: XmlNode): string | undefined {
  return Object.keys(node).find((k) => k !== ATTRS);
}

export function childrenOf(node: XmlNode): XmlNode[] {
  const tag = tagOf(node);
  return tag === undefined || tag === TEXT ? [] : asNodes(node[tag]);
}

export function textOf(node: XmlNode): string {
  const value = node[TEXT];
  return typeof value === 'string' ? value : typeof value === 'number' ? String(value) : '';
}

export function attrOf(node: XmlNode, name: string): string | undefined {
  const attrs = node[ATTRS];
  if (typeof attrs !== 'object' || attrs === null) return undefined;
  const value = (attrs as Record<string, unknown>)[name];
  return typeof value === 'string' ? value : undefined;
}

export function firstChild(node: XmlNode, tag: string): XmlNode | undefined {
  return childrenOf(node).find((c) => tagOf(c) === tag);
}

/** Depth-first search for the first element with this tag. */
export function findDeep(nodes: readonly XmlNode[], tag: string): XmlNode | undefined {
  for (const node of nodes) {
    if (tagOf(node) === tag) return node;
    const inner = findDeep(childrenOf(node), tag);
    if (inner) return inner;
  }
  return undefined;
}

function asNodes(value: unknown): XmlNode[] {
  return Array.isArray(value) ? value.filter((v): v is XmlNode => typeof v === 'object' && v !== null) : [];
}
