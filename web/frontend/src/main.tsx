import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App } from "./app/App";
import { createClients } from "./lib/api/clients";
import { SessionStore } from "./lib/auth/session";
import "uplot/dist/uPlot.min.css";
import "react-grid-layout/css/styles.css";
import "./app/styles.css";

const session = new SessionStore();

createRoot(document.getElementById("root")!).render(
  <StrictMode>
    <App session={session} clients={createClients(session)} />
  </StrictMode>,
);
