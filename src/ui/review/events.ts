/** The events the review elements dispatch (bubbling and composed). */

/** `open-reference`: the reviewer asked for a Claim or ChargeItem on the server. */
export interface OpenReferenceDetail {
  /** `Claim/id` or `ChargeItem/id`. */
  readonly reference: string;
}

/** `open-file`: the reviewer chose or dropped a JSON file. */
export interface OpenFileDetail {
  readonly name: string;
  readonly text: string;
}

/** A bubbling, composed CustomEvent. */
export function reviewEvent<T>(name: string, detail: T): CustomEvent<T> {
  return new CustomEvent(name, { detail, bubbles: true, composed: true });
}
