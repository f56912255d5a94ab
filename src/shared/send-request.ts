import { browser } from './browser.ts';
import { DeskError, deskError } from './errors.ts';
import type { Answer, Reply, Request } from './messages.ts';

/**
 * Sends one request to the background and returns its data, or throws a {@link DeskError}.
 * `read`: safe to repeat, so asked once more when the background stopped before answering (Chrome
 * stops an idle worker; the message wakes a new one, which answers it).
 */
export async function sendRequest<R extends Request>(
  request: R,
  read?: boolean,
): Promise<Reply<R['type']>> {
  let answer: Answer<Reply<R['type']>> | undefined;
  try {
    answer = (await browser.runtime.sendMessage(request)) as Answer<Reply<R['type']>> | undefined;
  } catch {
    if (read) return sendRequest(request);
    // Chrome closes the message channel when it stops the worker mid-request: no answer came.
    throw deskError('disconnected', 'bgNoAnswerReload');
  }
  if (!answer || typeof answer !== 'object' || !('ok' in answer)) {
    throw deskError('internal', 'bgGaveNoAnswer');
  }
  if (!answer.ok) throw new DeskError(answer.error);
  return answer.data;
}
