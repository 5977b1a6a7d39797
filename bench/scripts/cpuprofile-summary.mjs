#!/usr/bin/env node
// Where a page's main thread spends its time, from a DevTools CPU profile (the .cpuprofile that
// `DashboardRenderBench --profile N` writes): the share of wall time that is idle, Blink's own work outside script
// ("(program)": style, layout, paint, the event loop), garbage collection and script, and the script functions and
// files that cost the most (self time).
//
//   node bench/scripts/cpuprofile-summary.mjs [bench/target/dashboard-render.cpuprofile] [--top 15]
import { readFileSync } from "node:fs";

const args = process.argv.slice(2);
const topAt = args.indexOf("--top");
const top = topAt >= 0 ? Number(args.splice(topAt, 2)[1]) : 15;
const file = args[0] ?? "bench/target/dashboard-render.cpuprofile";
const profile = JSON.parse(readFileSync(file, "utf8"));

const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
const self = new Map();
// Sample i lasted until sample i + 1 (timeDeltas[i + 1]); the last sample until the profile's end.
const { samples, timeDeltas } = profile;
let time = profile.startTime;
const times = timeDeltas.map((delta) => (time += delta));
for (let i = 0; i < samples.length; i++) {
  const until = i + 1 < samples.length ? times[i + 1] : profile.endTime;
  self.set(samples[i], (self.get(samples[i]) ?? 0) + Math.max(0, until - times[i]));
}
const wall = profile.endTime - profile.startTime;

const SPECIAL = new Set(["(idle)", "(program)", "(garbage collector)", "(root)"]);
const groups = { "(idle)": 0, "(program)": 0, "(garbage collector)": 0, script: 0 };
const byFunction = new Map();
const byFile = new Map();
for (const [id, micros] of self) {
  const { functionName, url, lineNumber, columnNumber } = nodes.get(id).callFrame;
  if (SPECIAL.has(functionName)) {
    groups[functionName === "(root)" ? "(program)" : functionName] += micros;
    continue;
  }
  groups.script += micros;
  const name = `${functionName || "(anonymous)"} ${shortUrl(url)}:${lineNumber + 1}:${columnNumber + 1}`;
  byFunction.set(name, (byFunction.get(name) ?? 0) + micros);
  const where = shortUrl(url) || "(native)";
  byFile.set(where, (byFile.get(where) ?? 0) + micros);
}

const percent = (micros) => `${((100 * micros) / wall).toFixed(1).padStart(5)} %`;
console.log(`${file}: ${(wall / 1e6).toFixed(1)} s, ${samples.length} samples`);
console.log(`busy (not idle)        ${percent(wall - groups["(idle)"])}`);
for (const [group, micros] of Object.entries(groups)) console.log(`${group.padEnd(22)} ${percent(micros)}`);
console.log(`\nscript by file (self time, % of wall time)`);
for (const [where, micros] of sorted(byFile).slice(0, top)) console.log(`${percent(micros)}  ${where}`);
console.log(`\nscript by function (self time, % of wall time)`);
for (const [name, micros] of sorted(byFunction).slice(0, top)) console.log(`${percent(micros)}  ${name}`);

function sorted(map) {
  return [...map].sort((a, b) => b[1] - a[1]);
}

function shortUrl(url) {
  return url ? url.replace(/^[a-z]+:\/\/[^/]+/, "") : "";
}
