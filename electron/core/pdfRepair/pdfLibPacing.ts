/**
 * pdf-lib lets the event loop run every 100 objects it parses and every 50 it writes, each time
 * by setTimeout(0): a millisecond or more in Node, so a packet's merge spent more time waiting
 * than working (1.6× `qpdf --empty --pages` where the work alone was 0.95×). On the main process
 * these slices keep the app answering; a few thousand objects a slice still leave it free every
 * few tens of milliseconds. On a worker thread nothing waits for it: parse in one go there.
 */
export const PARSE_OBJECTS_PER_TICK = 1500; // pdf-lib's ParseSpeeds.Fast

export const WRITE_OBJECTS_PER_TICK = 500;

/**
 * How a packet is saved (packetPdf.ts; pdfFileWriter.ts writes the same bytes), and the bench's
 * merge with it. No form-field pass: the packet has no fields, and the pass would add an empty
 * /AcroForm. Plain objects, as qpdf writes by default: object streams would save about a kilobyte
 * of dictionaries a page in a packet of scans and photos, and cost a deflate pass at every save.
 */
export const PACKET_SAVE_OPTIONS = { useObjectStreams: false, updateFieldAppearances: false, objectsPerTick: WRITE_OBJECTS_PER_TICK } as const;
