// What other features use of the channels feature.
export type { Channel } from "./types";
export { useChannelDirectory } from "./api/useChannelDirectory";
export { useChannelSearch } from "./api/useChannelSearch";
export { ChannelPicker } from "./components/ChannelPicker";
