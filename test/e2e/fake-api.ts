// Tiny loopback servers for the cases the sandbox must not play: an API host that redirects to
// another origin, and one whose one-time link is not Persona's. Both send the CORS headers the
// sandbox sends, so the extension reaches them without a host permission.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakeServer {
  origin: string;
  /** Every request that reached this server (method and path). */
  hits: string[];
  close(): Promise<void>;
}

const cors = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Allow-Headers': '*',
  'Access-Control-Allow-Methods': 'GET, POST, PATCH, PUT, DELETE',
  'Access-Control-Expose-Headers': '*',
};

/** `host`: another loopback address stands for a host the extension must not reach. */
export async function startFakeServer(
  answer: (req: IncomingMessage, res: ServerResponse) => void,
  host = '127.0.0.1',
): Promise<FakeServer> {
  const hits: string[] = [];
  const server: Server = createServer((req, res) => {
    hits.push(`${req.method} ${req.url}`);
    for (const [name, value] of Object.entries(cors)) res.setHeader(name, value);
    if (req.method === 'OPTIONS') {
      res.writeHead(204).end();
      return;
    }
    answer(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://${host}:${port}`,
    hits,
    // Connections Chromium keeps open are cut, not waited for: close() alone waits for every one
    // to end, and a test's finally hung on it past its 60 s once in CI.
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

export function json(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'Content-Type': 'application/json' }).end(JSON.stringify(body));
}
