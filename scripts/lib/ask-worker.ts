// Sends requests to the background's message entry point from inside the service worker, with
// the sender an extension page would have. `npm start` and the bench use it to connect the
// extension and seed its state without driving the options page. Hook: src/background/index.ts.
import type { Worker } from 'playwright-core';

type Message = { type: string; [field: string]: unknown };
type Answer = { ok: true; data: unknown } | { ok: false; error: { kind: string; message: string } };

/** Sends all `messages` at once (one DevTools round trip) and returns the replies in order. */
export async function askWorkerAll<T = unknown>(worker: Worker, messages: Message[]): Promise<T[]> {
  const answers = await worker.evaluate(async (requests) => {
    const desk = (globalThis as { inquiryDesk?: Record<string, unknown> }).inquiryDesk;
    const handle = desk?.handleMessage as
      | ((m: unknown, sender: { id: string; url: string }) => Promise<Answer>)
      | undefined;
    if (!handle) throw new Error('The service worker has no inquiryDesk.handleMessage hook.');
    const sender = { id: chrome.runtime.id, url: chrome.runtime.getURL('src/options/index.html') };
    return Promise.all(requests.map((request) => handle(request, sender)));
  }, messages);
  return answers.map((answer, i) => {
    if (answer.ok) return answer.data as T;
    const type = messages[i]?.type;
    throw new Error(`${type} failed: ${answer.error.kind}: ${answer.error.message}`);
  });
}

export async function askWorker<T = unknown>(worker: Worker, message: Message): Promise<T> {
  const [reply] = await askWorkerAll<T>(worker, [message]);
  return reply as T;
}
