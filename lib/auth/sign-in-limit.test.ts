import { describe, expect, it } from "vitest";
import { signInKeys, tooManyAttemptsMessage } from "./sign-in-limit";

describe("the sign-in refusal", () => {
  it("says how long to wait, in seconds under two minutes and in minutes beyond", () => {
    expect(tooManyAttemptsMessage(1)).toBe("Too many attempts; try again in 1 second.");
    expect(tooManyAttemptsMessage(42)).toBe("Too many attempts; try again in 42 seconds.");
    expect(tooManyAttemptsMessage(119)).toBe("Too many attempts; try again in 119 seconds.");
    expect(tooManyAttemptsMessage(120)).toBe("Too many attempts; try again in 2 minutes.");
    expect(tooManyAttemptsMessage(899)).toBe("Too many attempts; try again in 15 minutes.");
  });

  it("counts an account by its email whatever its case or spaces, and an unknown address as one", () => {
    expect(signInKeys("10.0.0.1", " Ada@Example.org ").account).toBe(signInKeys("10.0.0.2", "ada@example.org").account);
    expect(signInKeys(undefined, "a@example.org").address).toBe(signInKeys(undefined, "b@example.org").address);
  });
});
