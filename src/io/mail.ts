import MailComposer from 'nodemailer/lib/mail-composer';
import { createTransport } from 'nodemailer';
import { CliError, usageError } from '../errors.js';
import type { SmtpConfig } from '../core/config/config.js';
import type { TestMessage } from '../core/email/email-message.js';
import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import { isLoopbackAddress } from './addresses.js';

/** The message as RFC 5322 bytes: what `send --dry-run` writes and what SMTP carries, the same. */
export async function composeMessage(message: TestMessage): Promise<Buffer> {
  const composer = new MailComposer({
    from: message.from,
    to: message.to,
    subject: message.subject,
    text: message.text,
    html: message.html,
    date: message.date,
    messageId: message.messageId,
    headers: message.headers,
    baseBoundary: message.baseBoundary,
    // Inline parts: nodemailer puts them with the HTML in a multipart/related.
    attachments: message.attachments.map((a) => ({ filename: a.filename, content: Buffer.from(a.content), cid: a.cid, contentDisposition: 'inline' as const })),
    textEncoding: 'quoted-printable',
    // CRLF everywhere, as SMTP carries it: the .eml is then the very bytes that are sent.
    newline: 'windows',
  } as ConstructorParameters<typeof MailComposer>[0]);
  return composer.compile().build();
}

/** Where to send: a host, and a login when there is one. The password never leaves this object. */
export interface SmtpTarget {
  host: string;
  port: number;
  secure: boolean;
  user?: string;
  pass?: string;
}

/**
 * The SMTP server from NEWSLETTER_SMTP_URL (smtp:// or smtps://, with user and password) or
 * from config email.smtp with NEWSLETTER_SMTP_PASSWORD; undefined when neither is set.
 */
export function smtpTargetOf(env: Record<string, string | undefined>, smtp: SmtpConfig | undefined): SmtpTarget | undefined {
  const url = env.NEWSLETTER_SMTP_URL?.trim();
  if (url) {
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      throw usageError('NEWSLETTER_SMTP_URL is not a URL; write it as smtp://user:password@host:587 or smtps://user:password@host:465.');
    }
    if (parsed.protocol !== 'smtp:' && parsed.protocol !== 'smtps:')
      throw usageError(`NEWSLETTER_SMTP_URL must start with smtp:// or smtps://, not ${parsed.protocol}//.`);
    const secure = parsed.protocol === 'smtps:';
    const decoded = (part: string, what: string): string => {
      try {
        return decodeURIComponent(part);
      } catch {
        throw usageError(
          `the ${what} in NEWSLETTER_SMTP_URL holds a % that starts no escape.`,
          'Write a % in a user or password as %25, and any other reserved character as its %XX escape.',
        );
      }
    };
    return {
      host: parsed.hostname.replace(/^\[|\]$/g, ''),
      port: parsed.port ? Number(parsed.port) : secure ? 465 : 587,
      secure,
      ...(parsed.username ? { user: decoded(parsed.username, 'user') } : {}),
      ...(parsed.password ? { pass: decoded(parsed.password, 'password') } : {}),
    };
  }
  if (!smtp) return undefined;
  const pass = env.NEWSLETTER_SMTP_PASSWORD;
  // The config is pull-request input: its host gets the environment's password only where the environment names that host.
  if (pass && env.NEWSLETTER_SMTP_HOST?.trim().toLowerCase() !== smtp.host.toLowerCase()) {
    throw usageError(
      `NEWSLETTER_SMTP_PASSWORD is sent only to the host NEWSLETTER_SMTP_HOST names, and it ${env.NEWSLETTER_SMTP_HOST ? `names ${env.NEWSLETTER_SMTP_HOST.trim()}, not` : 'is not set for'} email.smtp.host ${smtp.host}.`,
      `If ${smtp.host} is your server, set NEWSLETTER_SMTP_HOST=${smtp.host} too (a pull request can change the config, never the environment); or put the whole server in NEWSLETTER_SMTP_URL.`,
    );
  }
  return { host: smtp.host, port: smtp.port, secure: smtp.secure, ...(smtp.user ? { user: smtp.user } : {}), ...(pass ? { pass } : {}) };
}

export interface Delivery {
  accepted: string[];
  refused: { address: string; reason: string }[];
}

/** Connecting, the greeting, and each reply after: a server that stops answering is given up on this soon. */
const STEP_TIMEOUT_MS = 8_000;
/** And the whole send, so that every failure is reported within 30 seconds. */
const SEND_TIMEOUT_MS = 25_000;

/**
 * Sends the composed message to each recipient through the SMTP server, and says which it took.
 * Off loopback, the connection must be encrypted (TLS, or STARTTLS required) before any login.
 * Every failure is a one-line CliError naming the server, never the password.
 */
export async function sendMessage(target: SmtpTarget, raw: Buffer, envelope: { from: string; to: string[] }, stepMs = STEP_TIMEOUT_MS): Promise<Delivery> {
  const server = `${target.host}:${target.port}`;
  // The name is resolved here, once, and the transport connects to that very address: whether
  // TLS may be skipped is decided by where the socket goes, never by what the host is called.
  const address = await addressOf(target.host).catch((error: unknown) => {
    throw smtpError(Object.assign(error as object, { code: 'EDNS' }), server, target, envelope.to);
  });
  const transport = createTransport({
    host: address,
    port: target.port,
    secure: target.secure,
    requireTLS: !target.secure && !isLoopbackAddress(address),
    // The certificate is checked against the name the editor gave, not the address.
    ...(isIP(target.host) ? {} : { tls: { servername: target.host } }),
    ...(target.user ? { auth: { user: target.user, pass: target.pass ?? '' } } : {}),
    connectionTimeout: stepMs,
    greetingTimeout: stepMs,
    socketTimeout: stepMs,
    dnsTimeout: stepMs,
    disableFileAccess: true,
    disableUrlAccess: true,
  });
  let timer: NodeJS.Timeout | undefined;
  try {
    const info = await Promise.race([
      transport.sendMail({ envelope, raw }),
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(Object.assign(new Error('timeout'), { code: 'ETIMEDOUT' })), SEND_TIMEOUT_MS * (stepMs / STEP_TIMEOUT_MS));
      }),
    ]);
    const rejectedErrors = (info as { rejectedErrors?: { recipient?: string; response?: string; message: string }[] }).rejectedErrors ?? [];
    const refused = (info.rejected ?? []).map((address) => {
      const error = rejectedErrors.find((e) => e.recipient === address);
      return { address, reason: clean(error?.response ?? error?.message ?? 'refused by the server', target) };
    });
    return { accepted: info.accepted ?? [], refused };
  } catch (error) {
    throw smtpError(error, server, target, envelope.to);
  } finally {
    clearTimeout(timer);
    transport.close();
  }
}

/** The address a host name stands for, as the system resolves it (an address is its own). */
async function addressOf(host: string): Promise<string> {
  if (isIP(host)) return host;
  return (await lookup(host)).address;
}

/** A server's words, on one line, with the password taken out should a server echo it. */
function clean(text: string, target: SmtpTarget): string {
  let line = text.replace(/\s+/g, ' ').trim();
  if (target.pass) {
    // As written, as a URL writes it, and as AUTH LOGIN and AUTH PLAIN (\0user\0password) send it.
    const plain = `${target.user ?? ''}\u0000${target.pass}`;
    const forms = [target.pass, encodeURIComponent(target.pass), ...[target.pass, plain, `\u0000${plain}`].map((form) => Buffer.from(form).toString('base64'))];
    for (const form of forms) line = line.split(form).join('***');
  }
  return line;
}

function smtpError(error: unknown, server: string, target: SmtpTarget, to: string[]): CliError {
  const e = error as {
    code?: string;
    responseCode?: number;
    response?: string;
    message?: string;
    rejected?: string[];
    rejectedErrors?: { recipient?: string; response?: string }[];
  };
  const said = e.response ? `: ${clean(e.response, target)}` : '';
  switch (e.code) {
    case 'EAUTH':
      return new CliError(`the SMTP server ${server} refused the login${target.user ? ` of ${target.user}` : ''}${said}.`, {
        hint: 'Check the user and the password (NEWSLETTER_SMTP_URL or NEWSLETTER_SMTP_PASSWORD).',
      });
    case 'ENOAUTH':
      return new CliError(`the SMTP server ${server} asks for a login, and none was given.`, {
        hint: 'Put the user and password in NEWSLETTER_SMTP_URL (smtp://user:password@host:587).',
      });
    case 'ETLS':
    case 'EREQUIRETLS':
      return new CliError(`TLS with the SMTP server ${server} failed (${clean(e.message ?? '', target)}); nothing was sent.`, {
        hint: 'Use smtps:// for port 465; a server off this machine must offer STARTTLS on other ports.',
      });
    case 'ETIMEDOUT':
      return new CliError(`the SMTP server ${server} stopped answering; nothing was sent.`, { hint: 'Check the host and port, and that the server is up.' });
    case 'EDNS':
      return new CliError(`the SMTP host ${target.host} could not be found.`, { hint: 'Check the host name in NEWSLETTER_SMTP_URL or email.smtp.host.' });
    case 'EENVELOPE': {
      const reason = e.rejectedErrors?.[0]?.response ?? e.response ?? e.message ?? '';
      return new CliError(`the SMTP server ${server} refused ${to.length === 1 ? to[0] : 'every recipient'}: ${clean(reason, target)}`, {
        hint: 'Check the addresses, and that this server may send to them.',
      });
    }
    default: {
      const refusedConnection = /ECONNREFUSED/.test(`${e.code} ${e.message}`);
      if (refusedConnection)
        return new CliError(`could not connect to the SMTP server ${server} (connection refused); nothing was sent.`, {
          hint: 'Is the server running, on this host and port?',
        });
      return new CliError(`sending through the SMTP server ${server} failed: ${clean(e.message ?? String(error), target)}`, {
        hint: 'Nothing was sent, or the server did not confirm it.',
      });
    }
  }
}
