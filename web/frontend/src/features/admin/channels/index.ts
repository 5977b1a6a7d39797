// What the app's router uses of the channel administration.
export { ChannelListPage } from "./routes/ChannelListPage";
export { ChannelPage } from "./routes/ChannelPage";
