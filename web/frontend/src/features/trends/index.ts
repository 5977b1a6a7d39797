// What other features use of the trends feature.
export { TrendsPage } from "./routes/TrendsPage";
export { viewToSearch, DEFAULT_VIEW, type TrendView } from "./model/view";
export { trendViewerLink } from "./model/links";
