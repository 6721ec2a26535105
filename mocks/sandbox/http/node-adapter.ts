import type { IncomingMessage, ServerResponse } from 'node:http';
import type { SandboxRequest, SandboxResponse } from './exchange.ts';

/** Request bodies above this are refused (413). */
const MAX_BODY_BYTES = 20 * 1024 * 1024;

class BodyTooLarge extends Error {}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > MAX_BODY_BYTES) {
      throw new BodyTooLarge();
    }
    chunks.push(buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** Translates a node:http request into a SandboxRequest. */
export async function toSandboxRequest(request: IncomingMessage, origin: string): Promise<SandboxRequest> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(request.headers)) {
    if (value !== undefined) {
      headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
    }
  }
  return {
    method: (request.method ?? 'GET').toUpperCase(),
    url: new URL(request.url ?? '/', origin),
    headers,
    body: await readBody(request),
  };
}

/** Sends a SandboxResponse, honouring its delay and its "drop the connection" fault. */
export async function sendSandboxResponse(response: ServerResponse, answer: SandboxResponse): Promise<void> {
  if (answer.delayMs) {
    await new Promise((resolve) => setTimeout(resolve, answer.delayMs));
  }
  if (answer.fault === 'drop') {
    response.socket?.destroy();
    return;
  }
  response.writeHead(answer.status, answer.headers);
  response.end(answer.body);
}

/** Adapts a SandboxRequest handler to node:http, with 413 for huge bodies and 500 for unexpected errors. */
export function nodeHandler(
  origin: string,
  handle: (request: SandboxRequest) => Promise<SandboxResponse>,
): (request: IncomingMessage, response: ServerResponse) => void {
  return (request, response) => {
    const run = async () => {
      let answer: SandboxResponse;
      try {
        answer = await handle(await toSandboxRequest(request, origin));
      } catch (err) {
        const status = err instanceof BodyTooLarge ? 413 : 500;
        const text = err instanceof BodyTooLarge ? 'Request body too large' : 'Internal sandbox error';
        if (status === 500) {
          console.error('sandbox: internal error', err instanceof Error ? err.name : 'unknown');
        }
        answer = {
          status,
          headers: { 'content-type': 'application/fhir+json' },
          body: JSON.stringify({
            resourceType: 'OperationOutcome',
            issue: [{ severity: 'error', code: 'exception', details: { text } }],
          }),
        };
      }
      await sendSandboxResponse(response, answer);
    };
    void run();
  };
}
