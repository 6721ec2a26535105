/**
 * Test helpers for the workflow elements: mount an element with properties, read its shadow root, and
 * collect the events it dispatches. Used by the `*.test.ts` files next to it (happy-dom).
 */
import type { LitElement } from 'lit';

/** Creates `tag`, assigns `props`, attaches it to the document and waits for the first render. */
export async function mount<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Partial<HTMLElementTagNameMap[K]> = {},
): Promise<HTMLElementTagNameMap[K]> {
  const element = document.createElement(tag);
  Object.assign(element, props);
  document.body.append(element);
  await (element as unknown as LitElement).updateComplete;
  return element;
}

/** The element's shadow root (the elements all render into one). */
export function shadow(element: Element): ShadowRoot {
  const root = element.shadowRoot;
  if (!root) {
    throw new Error(`${element.localName} has no shadow root`);
  }
  return root;
}

/** Records every `name` event that reaches `document` (so only bubbling, composed events are seen). */
export function listen<T>(name: string): CustomEvent<T>[] {
  const seen: CustomEvent<T>[] = [];
  document.addEventListener(name, (event) => seen.push(event as CustomEvent<T>));
  return seen;
}

/** The visible text of a node, whitespace collapsed. */
export function textOf(node: Node | null | undefined): string {
  return (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
}
