/**
 * Tells a host element when the page is being printed, so it can open every `<details>` and print its
 * evidence (CSS alone cannot open a closed `<details>` in every browser).
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** Tracks `beforeprint` / `afterprint` and re-renders the host with `printing` set. */
export class PrintController implements ReactiveController {
  /** True between `beforeprint` and `afterprint`. */
  printing = false;
  private readonly host: ReactiveControllerHost;
  private readonly onBefore = () => this.set(true);
  private readonly onAfter = () => this.set(false);

  constructor(host: ReactiveControllerHost) {
    this.host = host;
    host.addController(this);
  }

  hostConnected(): void {
    window.addEventListener('beforeprint', this.onBefore);
    window.addEventListener('afterprint', this.onAfter);
  }

  hostDisconnected(): void {
    window.removeEventListener('beforeprint', this.onBefore);
    window.removeEventListener('afterprint', this.onAfter);
  }

  private set(printing: boolean): void {
    this.printing = printing;
    this.host.requestUpdate();
  }
}
