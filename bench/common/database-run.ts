// What the benches that compare SQLite and PostgreSQL share (bench:bulk, bench:search): a run's
// own working folder and, for PostgreSQL, a throwaway cluster with PostgreSQL's durable defaults
// and a migrated database in it; both removed by the one cleanup (on success, error, Ctrl-C).
import { mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import type { DatabaseConfig } from "../../lib/env";
import { applyMigrations } from "../../scripts/db/engine";
import { createDatabase, startPostgres, type PostgresCluster } from "../../test/support/postgres";
import { describeMachine, guardCleanup, type Machine } from "./run-support";

export type DatabaseRun = {
  /** `<work>/run-<time>-<pid>`, made now. */
  dir: string;
  machine: Machine;
  log: (line: string) => void;
  cleanup: () => Promise<void>;
  /** The cluster while one runs (for its CPU time), else undefined. */
  cluster: () => PostgresCluster | undefined;
  /** Starts the cluster and makes `database` in it, migrated with the app's migrations. */
  startPostgres: (database: string, what?: string) => Promise<{ cluster: PostgresCluster; config: DatabaseConfig }>;
  stopPostgres: () => Promise<void>;
};

/** Makes the run's folder, prints the machine, and sets the cleanup up. */
export function startDatabaseRun(work: string): DatabaseRun {
  const dir = path.join(work, `run-${new Date().toISOString().replace(/\D/g, "").slice(0, 14)}-${process.pid}`);
  let cluster: PostgresCluster | undefined;
  const { cleanup } = guardCleanup(async () => {
    await cluster?.stop().catch(() => undefined);
    rmSync(dir, { recursive: true, force: true });
  });
  const log = (line: string) => console.log(line);
  mkdirSync(dir, { recursive: true });
  const machine = describeMachine();
  log(`Machine: ${machine.cores} cores (${machine.cpu}), ${machine.memoryGB} GB, Node ${machine.node}; load average ${machine.loadAverage.join(" ")}`);
  return {
    dir,
    machine,
    log,
    cleanup,
    cluster: () => cluster,
    async startPostgres(database, what = "") {
      log(`PostgreSQL: starting a throwaway cluster (durable settings)${what}…`);
      const started = await startPostgres({ durable: true });
      cluster = started;
      const config: DatabaseConfig = { provider: "postgresql", url: await createDatabase(started, database) };
      await applyMigrations(config);
      return { cluster: started, config };
    },
    async stopPostgres() {
      await cluster?.stop();
      cluster = undefined;
    },
  };
}
