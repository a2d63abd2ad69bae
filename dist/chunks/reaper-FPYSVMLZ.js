import { createRequire as __dogfoodCreateRequire } from 'node:module'; const require = __dogfoodCreateRequire(import.meta.url);
import {
  CASE_WAIT_MS,
  REAPER_POLL_MS,
  reap,
  removeLeftovers,
  startReaper
} from "./chunk-T6KZTIXT.js";
import "./chunk-NXCGP3UY.js";
import "./chunk-GCLCQ5LT.js";
import "./chunk-ONZLJSLW.js";
import "./chunk-LHSCZ3D7.js";
export {
  CASE_WAIT_MS,
  REAPER_POLL_MS,
  reap,
  removeLeftovers,
  startReaper
};
