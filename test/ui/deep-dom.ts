/**
 * Test helpers for the app shell in happy-dom: wait for a Lit element and every element in its shadow
 * tree to render, and find elements and text through nested shadow roots.
 */
import type { LitElement } from 'lit';

/** Waits for the element and every Lit element in its shadow tree to finish rendering. */
export async function settled(element: Element): Promise<void> {
  const lit = element as Partial<LitElement>;
  if (lit.updateComplete) {
    await lit.updateComplete;
  }
  for (const child of element.shadowRoot?.querySelectorAll('*') ?? []) {
    await settled(child);
  }
}

/** Lets queued tasks run and the tree re-render, a few times (for chains of async updates). */
export async function settle(element: Element): Promise<void> {
  for (let i = 0; i < 3; i++) {
    await new Promise((resolve) => setTimeout(resolve, 0));
    await settled(element);
  }
}

/** The first element matching `selector` anywhere in the shadow trees below `root`. */
export function find(root: Element, selector: string): HTMLElement | undefined {
  for (const child of root.shadowRoot?.querySelectorAll('*') ?? []) {
    if (child.matches(selector)) {
      return child as HTMLElement;
    }
    const inner = find(child, selector);
    if (inner) {
      return inner;
    }
  }
  return undefined;
}

/** Like `find`, but throws when nothing matches. */
export function must(root: Element, selector: string): HTMLElement {
  const found = find(root, selector);
  if (!found) {
    throw new Error(`nothing matches ${selector}`);
  }
  return found;
}

/** The text of an element and of everything in its shadow trees. */
export function deepText(element: Element): string {
  const own = element.shadowRoot ? [...element.shadowRoot.querySelectorAll('*')].map(deepText).join(' ') : '';
  return `${element.textContent ?? ''} ${own}`;
}
