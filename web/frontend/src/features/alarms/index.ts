// What other features and the app use of the alarms feature.
export { AlarmsProvider, useActiveAlarms } from "./AlarmsProvider";
export { AlarmCount } from "./components/AlarmCount";
export { AlarmList } from "./components/AlarmList";
export { selectAlarms } from "./model/filter";
export { AlarmsPage } from "./routes/AlarmsPage";
export { PRIORITIES, type Priority } from "./types";
