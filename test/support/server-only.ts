// Stands in for the "server-only" marker package under Vitest, where no bundler resolves it.
export {};
