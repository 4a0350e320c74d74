// The parts of undici the action uses, loaded one by one: the package's index loads every feature
// (fetch, caches, mocks, websockets), which cost about 35 ms of start-up for nothing here.
import type { Dispatcher } from 'undici';
import AgentClass from 'undici/lib/dispatcher/agent.js';
import apiRequest from 'undici/lib/api/api-request.js';

export type { Dispatcher };
export const Agent = AgentClass;

/** undici's request() on a given dispatcher (the index would bind it to the global one). */
export function request(
  dispatcher: Dispatcher,
  url: string,
  opts: Omit<Dispatcher.RequestOptions, 'origin' | 'path'>,
): Promise<Dispatcher.ResponseData> {
  const u = new URL(url);
  return apiRequest.call(dispatcher, { ...opts, origin: u.origin, path: `${u.pathname}${u.search}` });
}
