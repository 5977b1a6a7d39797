import type { components } from "../../../api/generated/admin-api";

export type Channel = components["schemas"]["Channel"];
export type ChannelRequest = components["schemas"]["ChannelRequest"];
export type ChannelTestResult = components["schemas"]["ChannelTestResult"];
export type ChannelImportResult = components["schemas"]["ChannelImportResult"];
