import { expect } from "vitest";
import { RegistryError } from "../../src/node.js";

/** The problems a registry load reports (fails the test if it loads). */
export function registryProblems(load: () => unknown): string[] {
  try {
    load();
  } catch (e) {
    expect(e).toBeInstanceOf(RegistryError);
    return (e as RegistryError).problems;
  }
  throw new Error("loaded without a problem");
}
