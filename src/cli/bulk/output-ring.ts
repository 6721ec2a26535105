/**
 * Slots in one SharedArrayBuffer where workers leave their outputs for the main thread, which decodes
 * each one as it arrives and frees the slot. A transferred buffer per message would instead be external
 * memory that the main thread, which allocates little, frees only at its rare garbage collections: 10,000
 * patients' outputs piled up some 30 MB that way. An output that finds no free slot, or does not fit
 * one, travels as a transferred buffer instead.
 */

/** The shared ring: `slots` slots of `slotBytes` each, with one busy flag per slot. */
export interface OutputRing {
  readonly buffer: SharedArrayBuffer;
  readonly slots: number;
  readonly slotBytes: number;
}

/** Where an output is: in a slot of the ring, or in a transferred buffer. */
export type OutputPlace = { readonly slot: number; readonly length: number } | { readonly bytes: Uint8Array };

const FLAG_BYTES = 4;
const encoder = new TextEncoder();

/** A ring of `slots` slots of `slotBytes` each, all free. */
export function createOutputRing(slots: number, slotBytes: number): OutputRing {
  return { buffer: new SharedArrayBuffer(slots * FLAG_BYTES + slots * slotBytes), slots, slotBytes };
}

function flags(ring: OutputRing): Int32Array {
  return new Int32Array(ring.buffer, 0, ring.slots);
}

function slotView(ring: OutputRing, slot: number, length = ring.slotBytes): Uint8Array {
  return new Uint8Array(ring.buffer, ring.slots * FLAG_BYTES + slot * ring.slotBytes, length);
}

/** Puts `text` in a free slot, or in a fresh buffer (to transfer) when none is free or it does not fit. */
export function placeOutput(ring: OutputRing, text: string): OutputPlace {
  const busy = flags(ring);
  for (let slot = 0; slot < ring.slots; slot += 1) {
    if (Atomics.compareExchange(busy, slot, 0, 1) !== 0) {
      continue;
    }
    const { read, written } = encoder.encodeInto(text, slotView(ring, slot));
    if (read === text.length) {
      return { slot, length: written };
    }
    Atomics.store(busy, slot, 0);
    break;
  }
  return { bytes: encoder.encode(text) };
}

/** The text an output holds; frees its slot. */
export function takeOutput(ring: OutputRing, place: OutputPlace): string {
  if ('bytes' in place) {
    return Buffer.from(place.bytes.buffer, place.bytes.byteOffset, place.bytes.byteLength).toString('utf8');
  }
  // A view on the shared memory (no copy), decoded straight into a string.
  const offset = ring.slots * FLAG_BYTES + place.slot * ring.slotBytes;
  const text = Buffer.from(ring.buffer, offset, place.length).toString('utf8');
  Atomics.store(flags(ring), place.slot, 0);
  return text;
}
