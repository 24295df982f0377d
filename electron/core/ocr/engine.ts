import fs from 'node:fs';
import os from 'node:os';
import sharp from 'sharp';
import type { InferenceSession, Tensor } from 'onnxruntime-node';
import { decodeCtc } from './ctc';
import { boxesFromMap, type Box } from './detect';
import { modelPaths } from './models';

/** One recognised line, its box in pixels of the page image. */
export interface OcrLine extends Box {
  text: string;
  score: number;
}

export interface OcrPage {
  width: number;
  height: number;
  lines: OcrLine[];
}

/** Long side the detector sees: an A4 page at 150 dpi keeps body text above 10 px there. */
const DETECT_MAX_SIDE = 1600;
const REC_HEIGHT = 48;
/** A line wider than this (in recogniser pixels) is read squeezed: no document line needs more. */
const REC_MAX_WIDTH = 3200;
const REC_BATCH = 8;
/** Lines read with less confidence are noise (stamps, specks, ruled lines). */
const MIN_LINE_SCORE = 0.5;

type Ort = typeof import('onnxruntime-node');

/**
 * PP-OCRv4 detection (DB) and recognition (SVTR, CTC) on onnxruntime-node's CPU backend. The
 * model runs on onnxruntime's own threads and sharp's on libuv's, so a page being read does not
 * hold the JavaScript thread but for the map's post-processing (tens of milliseconds).
 */
export class OcrEngine {
  private sessions: Promise<{ ort: Ort; det: InferenceSession; rec: InferenceSession; dictionary: string[] }> | null = null;

  constructor(private readonly threads = Math.max(1, Math.min(4, os.availableParallelism() - 1))) {}

  private load() {
    this.sessions ??= (async () => {
      const ort = (await import('onnxruntime-node')) as Ort;
      const paths = modelPaths();
      const options: InferenceSession.SessionOptions = {
        intraOpNumThreads: this.threads,
        interOpNumThreads: 1,
        executionMode: 'sequential',
        graphOptimizationLevel: 'all',
      };
      // Detection sees a whole page, each of its own size: onnxruntime's arena grew to hold the
      // feature maps of them all and never gave memory back (1.4 GB at the peak). Without it the
      // peak is about 1.0 GB, for ~5 % of the speed; recognition's small batches keep theirs.
      const det = await ort.InferenceSession.create(paths.detection, { ...options, enableCpuMemArena: false });
      const rec = await ort.InferenceSession.create(paths.recognition, options);
      const dictionary = fs.readFileSync(paths.dictionary, 'utf8').split(/\r?\n/).filter((line, i, all) => line !== '' || i < all.length - 1);
      return { ort, det, rec, dictionary };
    })();
    return this.sessions;
  }

  /** The text lines of one image (any format sharp reads), in reading order. */
  async read(image: Uint8Array): Promise<OcrPage> {
    const { ort, det, rec, dictionary } = await this.load();
    const { data: rgb, info } = await sharp(image).flatten({ background: '#ffffff' }).removeAlpha().toColourspace('srgb').raw().toBuffer({ resolveWithObject: true });
    const { width, height } = info;
    const boxes = await this.detect(ort, det, rgb, width, height);
    const lines: OcrLine[] = [];
    for (let i = 0; i < boxes.length; i += REC_BATCH) {
      const batch = boxes.slice(i, i + REC_BATCH);
      const read = await this.recognize(ort, rec, dictionary, rgb, width, height, batch);
      batch.forEach((box, j) => {
        if (read[j].score >= MIN_LINE_SCORE && read[j].text.trim()) lines.push({ ...box, ...read[j] });
      });
    }
    return { width, height, lines };
  }

  private async detect(ort: Ort, det: InferenceSession, rgb: Buffer, width: number, height: number): Promise<Box[]> {
    const scale = Math.min(1, DETECT_MAX_SIDE / Math.max(width, height));
    const w = Math.max(32, Math.round((width * scale) / 32) * 32);
    const h = Math.max(32, Math.round((height * scale) / 32) * 32);
    const small = await sharp(rgb, { raw: { width, height, channels: 3 } }).resize(w, h, { fit: 'fill' }).raw().toBuffer();
    // PaddleOCR normalises the BGR image with ImageNet's mean and deviation, channel for channel.
    const mean = [0.485, 0.456, 0.406];
    const std = [0.229, 0.224, 0.225];
    const input = new Float32Array(3 * w * h);
    const plane = w * h;
    for (let p = 0; p < plane; p += 1) {
      for (let c = 0; c < 3; c += 1) input[c * plane + p] = (small[p * 3 + (2 - c)] / 255 - mean[c]) / std[c];
    }
    const out = await det.run({ [det.inputNames[0]]: new ort.Tensor('float32', input, [1, 3, h, w]) });
    const map = (out[det.outputNames[0]] as Tensor).data as Float32Array;
    return boxesFromMap(map, w, h, width / w, height / h);
  }

  private async recognize(ort: Ort, rec: InferenceSession, dictionary: string[], rgb: Buffer, width: number, height: number, boxes: Box[]) {
    const widths = boxes.map((b) => Math.min(REC_MAX_WIDTH, Math.max(REC_HEIGHT / 3, Math.ceil((REC_HEIGHT * b.w) / Math.max(1, b.h)))));
    const batchWidth = Math.max(...widths);
    const plane = REC_HEIGHT * batchWidth;
    // Padding is 0 after normalising, as PaddleOCR pads.
    const input = new Float32Array(boxes.length * 3 * plane);
    for (let i = 0; i < boxes.length; i += 1) {
      const b = boxes[i];
      const left = Math.max(0, Math.min(width - 1, b.x));
      const top = Math.max(0, Math.min(height - 1, b.y));
      const crop = await sharp(rgb, { raw: { width, height, channels: 3 } })
        .extract({ left, top, width: Math.max(1, Math.min(width - left, b.w)), height: Math.max(1, Math.min(height - top, b.h)) })
        .resize(widths[i], REC_HEIGHT, { fit: 'fill' })
        .raw()
        .toBuffer();
      const base = i * 3 * plane;
      for (let y = 0; y < REC_HEIGHT; y += 1) {
        for (let x = 0; x < widths[i]; x += 1) {
          const src = (y * widths[i] + x) * 3;
          for (let c = 0; c < 3; c += 1) input[base + c * plane + y * batchWidth + x] = crop[src + (2 - c)] / 127.5 - 1;
        }
      }
    }
    const out = await rec.run({ [rec.inputNames[0]]: new ort.Tensor('float32', input, [boxes.length, 3, REC_HEIGHT, batchWidth]) });
    const tensor = out[rec.outputNames[0]] as Tensor;
    const [, steps, classes] = tensor.dims as number[];
    const probs = tensor.data as Float32Array;
    return boxes.map((_, i) => decodeCtc(probs, i * steps * classes, steps, classes, dictionary));
  }
}
