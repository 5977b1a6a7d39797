// What the channel form uses of discovery.
export { DiscoveryDialog } from "./components/DiscoveryDialog";
export { discoverable } from "./model/connection";
