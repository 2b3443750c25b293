import { SMTPServer } from 'smtp-server';
import { afterEveryTest } from './cleanup.js';

/*
 * A real SMTP server on loopback (nodemailer's smtp-server) for the tests that send: what it
 * receives, as it received it. Closed after each test.
 */

export interface Received {
  from: string;
  to: string[];
  raw: Buffer;
}

export const servers: { close(): void }[] = [];
afterEveryTest(() => {
  for (const server of servers.splice(0)) server.close();
});

/** A real SMTP server on loopback (nodemailer's smtp-server): what it receives, and its port. */
export async function smtpServer(options: { login?: { user: string; pass: string }; refuse?: string[] } = {}): Promise<{ port: number; received: Received[] }> {
  const received: Received[] = [];
  const server = new SMTPServer({
    secure: false,
    disabledCommands: options.login ? ['STARTTLS'] : ['STARTTLS', 'AUTH'],
    authOptional: !options.login,
    allowInsecureAuth: true,
    logger: false,
    onAuth(auth, _session, callback) {
      if (auth.username === options.login?.user && auth.password === options.login?.pass) callback(null, { user: auth.username });
      else callback(Object.assign(new Error('Invalid username or password'), { responseCode: 535 }));
    },
    onRcptTo(address, _session, callback) {
      if (options.refuse?.includes(address.address)) callback(Object.assign(new Error('No such mailbox here'), { responseCode: 550 }));
      else callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        received.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  servers.push(server);
  return { port: (server.server.address() as { port: number }).port, received };
}
