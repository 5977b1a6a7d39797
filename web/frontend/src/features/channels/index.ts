// What other features use of the channels feature.
export type { Channel, WriteSettings } from "./types";
export { useChannelDirectory } from "./api/useChannelDirectory";
export { useChannelSearch } from "./api/useChannelSearch";
export { useChannelWrite, type WriteResult, type WriteValue } from "./api/useChannelWrite";
export { ChannelPicker } from "./components/ChannelPicker";
