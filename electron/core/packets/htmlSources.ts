import fs from 'node:fs/promises';
import iconv from 'iconv-lite';
import { minutesFieldLabels, type MinutesForm } from '../../../shared/domain';
import { docxHtml, docxLayout, type DocxLayout } from '../extract/docx';
import { DOCX_DAMAGED } from '../extract/docxLayoutTask';
import { OfficeRefusedError } from '../extract/ooxmlGuard';
import { ApiError } from '../../../shared/errors';
import { docxPrintHtml } from '../render/docxPrint';
import { loadWorkbook } from '../extract/xlsx';
import type { HtmlRenderer } from '../render/htmlRenderer';
import { escapeHtml, printHtml } from '../render/printHtml';
import { subsetNoto } from './pdf/fonts';

/** Family name of the bundled Noto subset the print pages fall back to. */
const FALLBACK_FAMILY = 'Dossier Noto Sans SC';

async function toPdf(renderer: HtmlRenderer, title: string, body: string): Promise<Uint8Array> {
  // Only the characters this page uses, so the inline font stays small.
  const fallback = await subsetNoto('regular', body);
  return renderer.htmlToPdf(printHtml({ title, body, fallbackFont: { family: FALLBACK_FAMILY, bytes: fallback } }));
}

/**
 * DOCX → A4-or-its-own-size PDF that looks like the original: docx-preview's layout (styles,
 * page setup, headers and footers; see docxLayoutTask.ts) printed by the one Chromium the export
 * already runs. Chosen over LibreOffice, which lays out closer to Word where it is installed,
 * because clerks' machines seldom have it, a soffice start costs seconds per call, and one
 * renderer everywhere means one look everywhere (the fidelity test measures the gap to
 * LibreOffice). A document docx-preview cannot lay out falls back to mammoth's plain structure;
 * a damaged (XML not well-formed), refused or stopped one (a DTD, a zip bomb, a time limit) is
 * not read again: it gets its placeholder page.
 */
export async function renderDocx(file: string, title: string, renderer: HtmlRenderer): Promise<Uint8Array> {
  const bytes = await fs.readFile(file);
  let layout: DocxLayout;
  try {
    layout = await docxLayout(bytes, title);
  } catch (err) {
    if (err instanceof OfficeRefusedError || err instanceof ApiError) throw err;
    if (err instanceof Error && err.message.startsWith(DOCX_DAMAGED)) throw err;
    return toPdf(renderer, title, await docxHtml(bytes, title));
  }
  // The characters the pages show (markup letters too, harmlessly), not the images' data URLs.
  const shown = layout.body.replace(/data:[^"')\s]+/g, '') + layout.pages.map((p) => [p.header?.lines, p.footer?.lines].join('')).join('');
  const fallback = await subsetNoto('regular', shown);
  return renderer.htmlToPdf(docxPrintHtml(title, layout, { family: FALLBACK_FAMILY, bytes: fallback }));
}

/** Plain text, as UTF-8 if it is valid UTF-8, otherwise as GB18030 (older Chinese Windows files). */
export async function renderText(file: string, title: string, renderer: HtmlRenderer): Promise<Uint8Array> {
  const bytes = await fs.readFile(file);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    text = iconv.decode(bytes, 'gb18030');
  }
  return toPdf(renderer, title, `<pre>${escapeHtml(text.replace(/^\uFEFF/, ''))}</pre>`);
}


export class MinutesUnreadable extends Error {}

/** The stored JSON, checked: every field a string (missing ones empty). */
export async function readMinutes(file: string): Promise<MinutesForm> {
  let raw: unknown;
  try {
    raw = JSON.parse(await fs.readFile(file, 'utf8'));
  } catch {
    throw new MinutesUnreadable('not JSON');
  }
  if (typeof raw !== 'object' || raw === null) throw new MinutesUnreadable('not an object');
  const obj = raw as Record<string, unknown>;
  const field = (k: keyof MinutesForm) => (typeof obj[k] === 'string' ? (obj[k] as string) : '');
  const form: MinutesForm = {
    meetingName: field('meetingName'),
    time: field('time'),
    place: field('place'),
    host: field('host'),
    attendees: field('attendees'),
    absentees: field('absentees'),
    recorder: field('recorder'),
    topics: field('topics'),
    decisions: field('decisions'),
  };
  if (Object.values(form).every((v) => v.trim() === '')) throw new MinutesUnreadable('empty form');
  return form;
}

const multiline = (text: string) => escapeHtml(text).replace(/\r?\n/g, '<br>');

/** 会议纪要 from its form: the heading facts as a table, then 议题 and 决定事项. */
export function minutesHtml(form: MinutesForm, title: string): string {
  // Short facts go in the heading table; 议题 and 决定事项 run as paragraphs below it.
  const paragraphs = new Set<keyof MinutesForm>(['topics', 'decisions']);
  const filled = minutesFieldLabels.filter(([k]) => form[k].trim() !== '');
  const rows = filled
    .filter(([k]) => !paragraphs.has(k))
    .map(([k, label]) => `<tr><th style="width:6em;white-space:nowrap">${label}</th><td>${multiline(form[k])}</td></tr>`)
    .join('');
  const blocks = filled
    .filter(([k]) => paragraphs.has(k))
    .map(([k, label]) => `<h2>${label}</h2><p style="white-space:pre-wrap">${escapeHtml(form[k])}</p>`)
    .join('');
  return `<h1>${escapeHtml(form.meetingName || title)}</h1><table>${rows}</table>${blocks}`;
}

export async function renderMinutes(file: string, title: string, renderer: HtmlRenderer): Promise<Uint8Array> {
  return toPdf(renderer, title, minutesHtml(await readMinutes(file), title));
}

/** Bounds that keep one huge sheet from making a thousand-page packet. */
const MAX_ROWS = 1000;
const MAX_COLS = 40;

/** Each sheet as an HTML table; merged cells keep one value (exceljs repeats the master's). */
export async function spreadsheetHtml(file: string): Promise<string> {
  const workbook = await loadWorkbook(await fs.readFile(file));
  const parts: string[] = [];
  workbook.eachSheet((sheet) => {
    if (sheet.state !== 'visible' || sheet.actualRowCount === 0) return;
    const cols = Math.min(sheet.columnCount, MAX_COLS);
    const rows: string[] = [];
    const last = Math.min(sheet.rowCount, MAX_ROWS);
    for (let r = 1; r <= last; r += 1) {
      const row = sheet.getRow(r);
      const cells: string[] = [];
      for (let c = 1; c <= cols; c += 1) {
        const cell = row.getCell(c);
        const shown = cell.isMerged && cell.master.address !== cell.address ? '' : cell.text;
        cells.push(`<td>${multiline(shown)}</td>`);
      }
      rows.push(`<tr>${cells.join('')}</tr>`);
    }
    const more = sheet.rowCount > MAX_ROWS ? `<p>（共 ${sheet.rowCount} 行，此处显示前 ${MAX_ROWS} 行，完整内容见原件）</p>` : '';
    parts.push(`<h2>${escapeHtml(sheet.name)}</h2><table style="font-size:9pt">${rows.join('')}</table>${more}`);
  });
  return parts.join('') || '<p>（表格为空）</p>';
}

export async function renderSpreadsheet(file: string, title: string, renderer: HtmlRenderer): Promise<Uint8Array> {
  return toPdf(renderer, title, await spreadsheetHtml(file));
}
