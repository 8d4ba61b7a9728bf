import { describe, expect, it } from "vitest";
import { mappingSignature, type ColumnMapping } from "@/lib/csv";
import {
  loadSavedMapping,
  saveMapping,
  type MappingStorage,
} from "@/components/upload-wizard/saved-mappings";

function memoryStorage(): MappingStorage & { items: Map<string, string> } {
  const items = new Map<string, string>();
  return {
    items,
    getItem: (key) => items.get(key) ?? null,
    setItem: (key, value) => void items.set(key, value),
  };
}

const headers = ["Rego No.", "Notes"];
const mapping: ColumnMapping[] = [
  { target: { kind: "field", field: "rego" } },
  { target: { kind: "ignore" } },
];

describe("saved mappings", () => {
  it("brings back the mapping for a file whose headers differ only in case and punctuation", () => {
    const storage = memoryStorage();
    saveMapping(storage, mappingSignature(headers), mapping);
    const sameHeaders = ["REGO NO", "notes"];
    expect(loadSavedMapping(storage, mappingSignature(sameHeaders), sameHeaders)).toEqual(mapping);
  });

  it("ignores nothing saved, broken JSON and a mapping of the wrong width", () => {
    const storage = memoryStorage();
    const signature = mappingSignature(headers);
    expect(loadSavedMapping(storage, signature, headers)).toBeUndefined();
    storage.items.set(`recapture:column-mapping:${signature}`, "{not json");
    expect(loadSavedMapping(storage, signature, headers)).toBeUndefined();
    saveMapping(storage, signature, mapping.slice(0, 1));
    expect(loadSavedMapping(storage, signature, headers)).toBeUndefined();
  });

  it("carries on when storage refuses to save", () => {
    const full: MappingStorage = {
      getItem: () => null,
      setItem: () => {
        throw new DOMException("full", "QuotaExceededError");
      },
    };
    expect(() => saveMapping(full, "x", mapping)).not.toThrow();
  });
});
