// A TCP relay between the browser and a test server, so a test can do to a live connection what
// networks do: cut every open connection at once (a dropped Wi-Fi, a restarted load balancer),
// or, while "down", answer every new connection with 503 like an overloaded proxy would.
import { createServer, connect, type Socket } from "node:net";

export type TcpProxy = {
  baseURL: string;
  /** Cuts every open connection, in both directions. */
  drop(): void;
  /** While down, new connections get "503 Service Unavailable" and are closed. */
  setDown(down: boolean): void;
  close(): Promise<void>;
};

export async function startTcpProxy(target: string): Promise<TcpProxy> {
  const { hostname, port } = new URL(target);
  const sockets = new Set<Socket>();
  let down = false;
  const track = (socket: Socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
    socket.on("error", () => socket.destroy());
  };
  const server = createServer((client) => {
    track(client);
    if (down) {
      client.end("HTTP/1.1 503 Service Unavailable\r\nContent-Type: text/plain\r\nContent-Length: 12\r\nConnection: close\r\n\r\nUnavailable.");
      return;
    }
    const upstream = connect(Number(port), hostname);
    track(upstream);
    client.pipe(upstream).pipe(client);
    client.on("close", () => upstream.destroy());
    upstream.on("close", () => client.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  if (!address || typeof address === "string") throw new Error("The proxy has no port.");
  return {
    baseURL: `http://127.0.0.1:${address.port}`,
    drop: () => sockets.forEach((s) => s.destroy()),
    setDown: (value) => {
      down = value;
    },
    close: () =>
      new Promise((resolve) => {
        sockets.forEach((s) => s.destroy());
        server.close(() => resolve());
      }),
  };
}
