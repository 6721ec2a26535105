/**
 * Classifies a raw NDJSON line without parsing it, so a pass over a folder can skip the lines of patients
 * it is not reading now and hand the rest on as text.
 *
 * A line is "owned" when it starts `{"resourceType":"<Type>"` and every `"Patient/<id>"` string in it
 * names the same id: that id is the only patient the resource can belong to (its subject, patient or
 * beneficiary, when it has one, is written literally as `"Patient/<id>"`). Whoever parses the line later
 * still checks the owner, so a line whose only Patient reference is not its owner is dropped there, as
 * the parsed reader would. Lines with `\/` or `\u` escapes (which could spell a reference differently),
 * with no or several patient ids, or with another first key are "parse": the caller parses them.
 */
import { SHARED_TYPES } from './references.ts';

/** What a line is, as far as the bytes tell. */
export type LineClass =
  | { readonly kind: 'owned'; readonly type: string; readonly patientId: string }
  | { readonly kind: 'typed'; readonly type: string }
  | { readonly kind: 'parse' };

const PARSE: LineClass = { kind: 'parse' };
const PREFIX = /^\{\s*"resourceType"\s*:\s*"([A-Za-z]{1,64})"/;
const HEAD_BYTES = 64;
const NEEDLE = Buffer.from('"Patient/');
const QUOTE = 0x22;
const BACKSLASH = 0x5c;

/**
 * Finds occurrences in one buffer for a run of increasing positions, remembering the last hit so that a
 * stretch of lines without the needle is searched once, not once per line.
 */
class Finder {
  private from = Number.POSITIVE_INFINITY;
  private hit = -1;
  constructor(
    private readonly buf: Buffer,
    private readonly needle: Buffer | number,
  ) {}

  /** The first occurrence at or after `from`, or -1. */
  next(from: number): number {
    if (from >= this.from && (this.hit === -1 || from <= this.hit)) {
      return this.hit;
    }
    this.from = from;
    this.hit = this.buf.indexOf(this.needle, from);
    return this.hit;
  }
}

/** Classifies the lines of one buffer; positions passed to `classify` must increase. */
export class LineClassifier {
  private readonly patients: Finder;
  private readonly backslashes: Finder;

  constructor(private readonly buf: Buffer) {
    this.patients = new Finder(buf, NEEDLE);
    this.backslashes = new Finder(buf, BACKSLASH);
  }

  /** The class of bytes `start` to `end`. */
  classify(start: number, end: number): LineClass {
    const buf = this.buf;
    if (buf[start] !== 0x7b) {
      return PARSE;
    }
    const type = PREFIX.exec(buf.toString('latin1', start, Math.min(end, start + HEAD_BYTES)))?.[1];
    if (type === undefined) {
      return PARSE;
    }
    if (type === 'Patient' || SHARED_TYPES.has(type)) {
      return { kind: 'typed', type };
    }
    for (let b = this.backslashes.next(start); b >= 0 && b < end; b = this.backslashes.next(b + 2)) {
      const escaped = buf[b + 1];
      if (escaped === 0x2f || escaped === 0x75) {
        return PARSE;
      }
    }
    let owner: string | undefined;
    for (let p = this.patients.next(start); p >= 0 && p < end; p = this.patients.next(p + 1)) {
      const idStart = p + NEEDLE.length;
      const close = buf.indexOf(QUOTE, idStart);
      if (close < 0 || close >= end || close === idStart || buf[close - 1] === BACKSLASH) {
        return PARSE;
      }
      const id = buf.toString('utf8', idStart, close);
      if (owner === undefined) {
        owner = id;
      } else if (owner !== id) {
        return PARSE;
      }
    }
    return owner === undefined ? PARSE : { kind: 'owned', type, patientId: owner };
  }
}
