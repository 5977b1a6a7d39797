import type { components } from "../../../api/generated/admin-api";

export type StorageRule = components["schemas"]["StorageRule"];
export type StorageRuleRequest = components["schemas"]["StorageRuleRequest"];
export type StorageMode = components["schemas"]["StorageRuleMode"];
export type StorageBackend = components["schemas"]["StorageRuleBackend"];
export type BatchDefinition = components["schemas"]["BatchDefinition"];
export type BatchDefinitionRequest = components["schemas"]["BatchDefinitionRequest"];
export type BatchMode = components["schemas"]["BatchDefinitionMode"];
