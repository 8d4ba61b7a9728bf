import type { AddressInfo } from "node:net";
import { simpleParser, type ParsedMail } from "mailparser";
import { SMTPServer } from "smtp-server";

/**
 * A real SMTP server on a free local port, for tests of what the dashboard
 * sends: it asks for a user name and password (plain AUTH, allowed without
 * TLS on this loopback server) and keeps each message it receives, parsed.
 */
export interface TestSmtpServer {
  /** smtp://user:password@127.0.0.1:port */
  url: string;
  password: string;
  received: ParsedMail[];
  close(): Promise<void>;
}

export async function startTestSmtpServer(): Promise<TestSmtpServer> {
  const user = "recapture";
  const password = "smtp-test-password-9f3a";
  const received: ParsedMail[] = [];
  const server = new SMTPServer({
    disabledCommands: ["STARTTLS"],
    allowInsecureAuth: true,
    logger: false,
    onAuth(auth, _session, callback) {
      if (auth.username === user && auth.password === password) callback(null, { user });
      else callback(new Error("Invalid username or password"));
    },
    onData(stream, _session, callback) {
      simpleParser(stream)
        .then((mail) => {
          received.push(mail);
          callback();
        })
        .catch(callback);
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://${user}:${password}@127.0.0.1:${port}`,
    password,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
